"""Email for notifications through a real SMTP server (aiosmtpd): sent by the queue once per
notification, with its link and a one-click unsubscribe that works without signing in; the
preferences, the kind's default and quiet hours keep it from going."""

from datetime import timedelta

import pytest

from tests.helpers import assert_error
from watchparty.common.notify import notify
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.notifications import delivery as delivery_module
from watchparty.notifications.delivery import send_one
from watchparty.notifications.errors import Retryable
from watchparty.notifications.models import SENT, Delivery, Notification


def friend_request(user, sender) -> None:
    notify(
        user.id,
        "friend_request",
        "New friend request",
        f"{sender.first_name} sent you a friend request",
        data={"sender_id": sender.id},
        actor_id=sender.id,
    )


def test_a_notification_is_emailed_once_with_its_link_and_unsubscribe(users, run_jobs, smtp):
    ada, bob = users.create(first_name="Ada"), users.create(first_name="Bob")
    friend_request(ada, bob)
    run_jobs()
    mail = smtp.wait_for(ada.email)
    text = smtp.text_of(mail)
    assert mail["Subject"] == "New friend request"
    assert "Bob sent you a friend request" in text and "http://localhost:5000/friends" in text
    assert "/api/notifications/unsubscribe/?token=" in mail["List-Unsubscribe"]
    (delivery,) = db.session.query(Delivery).all()
    assert delivery.channel == "email" and delivery.status == SENT and delivery.attempts == 1
    before = len(smtp.messages)
    send_one(str(delivery.id))  # the same job again (a redelivery): nothing is sent twice
    assert len(smtp.messages) == before


def test_the_unsubscribe_link_stops_that_kind_of_email_only(client, users, run_jobs, smtp):
    ada, bob = users.create(), users.create()
    friend_request(ada, bob)
    run_jobs()
    link = smtp.wait_for(ada.email)["List-Unsubscribe"].strip("<>")
    answer = client.get(link.removeprefix("http://localhost:5000"))  # no sign-in
    assert answer.status_code == 200 and answer.get_json()["success"] is True
    prefs = client.get("/api/notifications/preferences/", headers=users.session_headers(ada))
    assert prefs.get_json()["channels"]["friend_request"]["email"] is False
    assert prefs.get_json()["channels"]["party_invitation"]["email"] is True
    friend_request(ada, bob)
    assert db.session.query(Notification).count() == 2  # still told in the app
    assert db.session.query(Delivery).count() == 1  # but no second email


def test_a_forged_unsubscribe_token_is_refused(client):
    response = client.get("/api/notifications/unsubscribe/?token=not-a-real-token")
    assert_error(response, 400, "invalid_token")


def test_switches_the_kind_default_and_quiet_hours_keep_email_from_going(client, users, run_jobs):
    ada, bob = users.create(), users.create()
    headers = users.session_headers(ada)
    notify(ada.id, "friend_accepted", "Accepted", "Bob accepted", actor_id=bob.id)  # no email
    client.put(
        "/api/notifications/preferences/", json={"email_notifications": False}, headers=headers
    )
    friend_request(ada, bob)
    now = utcnow()
    client.put(
        "/api/notifications/preferences/",
        headers=headers,
        json={
            "email_notifications": True,
            "quiet_hours_start": (now - timedelta(hours=1)).strftime("%H:%M"),
            "quiet_hours_end": (now + timedelta(hours=1)).strftime("%H:%M"),
        },
    )
    notify(ada.id, "party_invitation", "Invited", "Come watch", data={"party_id": bob.id})
    run_jobs()
    assert db.session.query(Notification).count() == 3
    assert db.session.query(Delivery).count() == 0


def test_collapsed_events_send_one_email(users, run_jobs, smtp):
    ada = users.create()
    for n in range(3):
        notify(
            ada.id,
            "tip_received",
            "A tip",
            f"tip {n}",
            collapse_key="tips",
            collapsed="{count} new tips",
        )
    run_jobs()
    assert db.session.query(Delivery).count() == 1
    assert db.session.query(Notification).one().message == "3 new tips"


def test_a_mail_server_that_is_down_is_retried_and_a_later_try_sends(app, users, smtp, monkeypatch):
    ada, bob = users.create(), users.create()
    monkeypatch.setattr(delivery_module.send_one, "enqueue", lambda *args, **kw: None)
    monkeypatch.setitem(app.config, "MAIL_URL", "smtp://127.0.0.1:9")  # nothing listens there
    friend_request(ada, bob)
    (delivery,) = db.session.query(Delivery).all()
    with pytest.raises(Retryable):  # the job fails so that the queue tries again, with backoff
        send_one(str(delivery.id))
    db.session.expire_all()
    delivery = db.session.get(Delivery, delivery.id)
    assert (delivery.status, delivery.attempts) == ("queued", 1)
    assert delivery.error.startswith("smtp:")
    monkeypatch.setitem(app.config, "MAIL_URL", f"smtp://127.0.0.1:{smtp.port}")
    send_one(str(delivery.id))  # the retry
    db.session.expire_all()
    assert db.session.get(Delivery, delivery.id).status == SENT
    assert smtp.wait_for(ada.email)["Subject"] == "New friend request"
