"""Browser push through a loopback Web Push service (tests/notifications/push_kit.py) that checks
the VAPID JWT and decrypts the aes128gcm payload with the subscribed browser's keys: sent once
per notification by the real queue, retried after a 503, forgotten after a 410, and held back
by the preferences."""

import pytest
from py_vapid import Vapid02

from tests.notifications.push_kit import PushService, b64url, public_point, run_until, vapid_keys
from watchparty.common.notify import notify
from watchparty.extensions import db
from watchparty.notifications import delivery as delivery_module
from watchparty.notifications.delivery import send_one
from watchparty.notifications.errors import Retryable
from watchparty.notifications.models import FAILED, SENT, Delivery, PushDevice

SUBSCRIBE = "/api/notifications/push/web/subscribe/"


@pytest.fixture
def push(app, monkeypatch):
    """The loopback push service, with the app holding a fresh VAPID pair."""
    public, private = vapid_keys()
    for name, value in (("VAPID_PUBLIC_KEY", public), ("VAPID_PRIVATE_KEY", private)):
        monkeypatch.setitem(app.config, name, value)
    monkeypatch.setitem(app.config, "VAPID_SUBJECT", "mailto:ops@watchparty.test")
    monkeypatch.setitem(app.config, "PUSH_ALLOW_PRIVATE", True)
    service = PushService(public).start()
    yield service
    service.stop()


def subscribed(client, users, push, user, name="b1"):
    browser = push.browser(name)
    answer = client.post(
        SUBSCRIBE, json=browser.subscription(), headers=users.session_headers(user)
    )
    assert answer.status_code == 200, answer.get_json()
    return browser


def accepted(ada, bob) -> None:
    notify(
        ada.id,
        "friend_accepted",
        "Bob accepted",
        "You are friends now",
        data={"sender_id": bob.id},
        actor_id=bob.id,
    )


def web_deliveries():
    return db.session.query(Delivery).filter_by(channel="web_push").all()


def test_a_notification_reaches_the_browser_encrypted_and_signed(client, users, push, run_jobs):
    ada, bob = users.create(), users.create()
    subscribed(client, users, push, ada)
    accepted(ada, bob)
    run_jobs()
    assert push.refused == []
    (message,) = push.messages
    (row,) = web_deliveries()
    assert message["payload"] == {
        "id": str(row.notification_id),
        "type": "friend_accepted",
        "title": "Bob accepted",
        "message": "You are friends now",
        "url": "/friends",
        "count": 1,
    }
    assert message["headers"]["ttl"] == "86400" and message["headers"]["urgency"] == "normal"
    assert (row.status, row.attempts) == (SENT, 1)
    assert db.session.query(PushDevice).one().last_used_at is not None


def test_a_delivery_run_twice_is_pushed_once(client, users, push, run_jobs):
    ada, bob = users.create(), users.create()
    subscribed(client, users, push, ada)
    accepted(ada, bob)
    run_jobs()
    (row,) = web_deliveries()
    send_one.enqueue(str(row.id))  # the same job again, through the queue
    run_jobs()
    send_one(str(row.id))
    assert len(push.messages) == 1


def test_a_503_is_retried_with_backoff_and_then_sent(app, client, users, push, run_jobs):
    ada, bob = users.create(), users.create()
    subscribed(client, users, push, ada)
    push.fail_next = [503]
    accepted(ada, bob)
    run_until(app, run_jobs, lambda: web_deliveries()[0].status != "queued")
    (row,) = web_deliveries()
    assert (row.status, row.attempts) == (SENT, 2)
    assert len(push.messages) == 1


@pytest.mark.parametrize("answer", [410, 404])
def test_a_410_or_404_removes_the_subscription(client, users, push, run_jobs, answer):
    ada, bob = users.create(), users.create()
    subscribed(client, users, push, ada)
    push.fail_next.append(answer)
    accepted(ada, bob)
    run_jobs()
    (row,) = web_deliveries()
    assert row.status == FAILED and str(answer) in row.error
    assert db.session.query(PushDevice).count() == 0 and push.messages == []


def test_another_4xx_fails_for_good_and_keeps_the_subscription(client, users, push, run_jobs):
    ada, bob = users.create(), users.create()
    subscribed(client, users, push, ada)
    push.vapid_public = "another-key"  # the service refuses the app's signature: 403
    accepted(ada, bob)
    run_jobs()
    (row,) = web_deliveries()
    assert (row.status, row.attempts) == (FAILED, 1) and "403" in row.error
    assert db.session.query(PushDevice).count() == 1


def test_an_unreachable_push_service_is_retryable(client, users, push, monkeypatch):
    ada, bob = users.create(), users.create()
    monkeypatch.setattr(delivery_module.send_one, "enqueue", lambda *args, **kw: None)
    subscribed(client, users, push, ada)
    push.stop()  # nothing listens at the endpoint any more
    accepted(ada, bob)
    (row,) = web_deliveries()
    with pytest.raises(Retryable):
        send_one(str(row.id))
    db.session.expire_all()
    row = db.session.get(Delivery, row.id)
    assert (row.status, row.attempts) == ("queued", 1) and "ConnectionError" in row.error


def test_push_off_or_the_kinds_web_push_off_means_no_delivery(client, users, push, run_jobs):
    ada, bob = users.create(), users.create()
    headers = users.session_headers(ada)
    subscribed(client, users, push, ada)
    prefs = "/api/notifications/preferences/"
    client.put(prefs, json={"push_notifications": False}, headers=headers)
    accepted(ada, bob)
    client.put(
        prefs,
        json={"push_notifications": True, "channels": {"mention": {"web_push": False}}},
        headers=headers,
    )
    notify(ada.id, "mention", "Bob mentioned you", "@ada look", actor_id=bob.id)
    run_jobs()
    assert web_deliveries() == [] and push.messages == []


def test_the_test_push_reaches_the_browser(client, users, push, run_jobs):
    ada = users.create()
    subscribed(client, users, push, ada)
    answer = client.post("/api/notifications/push/test/", headers=users.session_headers(ada))
    assert answer.status_code == 200 and answer.get_json()["devices"] == 1
    run_jobs()
    assert [m["payload"]["type"] for m in push.messages] == ["test"]


def test_the_vapid_keys_command_prints_a_matching_pair(app):
    result = app.test_cli_runner().invoke(args=["notifications", "vapid-keys"])
    assert result.exit_code == 0, result.output
    lines = dict(
        line.split("=", 1) for line in result.output.splitlines() if line.startswith("VAPID_")
    )
    key = Vapid02.from_string(lines["VAPID_PRIVATE_KEY"])
    assert b64url(public_point(key.public_key)) == lines["VAPID_PUBLIC_KEY"]
    assert lines["VAPID_SUBJECT"].startswith("mailto:")


def test_a_server_without_vapid_keys_queues_no_browser_push(
    app, client, users, push, run_jobs, monkeypatch
):
    ada, bob = users.create(), users.create()
    subscribed(client, users, push, ada)
    monkeypatch.setitem(app.config, "VAPID_PRIVATE_KEY", None)  # the keys were taken away
    accepted(ada, bob)
    run_jobs()
    assert web_deliveries() == [] and push.messages == []
    assert db.session.query(PushDevice).count() == 1  # the subscription is kept for later
