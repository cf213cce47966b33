"""Mobile push through FCM HTTP v1. Google's servers cannot run here, so a loopback stand-in
(tests/notifications/fcm_kit.py) plays both the OAuth2 token endpoint, which verifies the
service account's signed JWT assertion, and `messages:send`, which accepts only the bearer it
issued. The real queue sends; 404 UNREGISTERED forgets the token; 429 is retried."""

import json

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.notifications.fcm_kit import Fcm, service_account
from tests.notifications.push_kit import run_until
from watchparty.common.notify import notify
from watchparty.extensions import db
from watchparty.notifications import push_fcm
from watchparty.notifications.delivery import send_one
from watchparty.notifications.models import FAILED, SENT, Delivery, PushDevice

TOKEN_UPDATE = "/api/notifications/push/token/update/"


@pytest.fixture
def fcm(app, monkeypatch, tmp_path):
    """The stand-in, and the app configured with its endpoints and a service-account file."""
    stand_in = Fcm().start()
    path = tmp_path / "service-account.json"
    path.write_text(json.dumps(service_account(stand_in.key)))
    monkeypatch.setitem(app.config, "FCM_CREDENTIALS_FILE", str(path))
    monkeypatch.setitem(app.config, "FCM_CREDENTIALS_JSON", None)
    monkeypatch.setitem(app.config, "FCM_PROJECT_ID", None)  # taken from the credentials
    monkeypatch.setitem(app.config, "FCM_API_BASE", stand_in.base)
    monkeypatch.setitem(app.config, "FCM_TOKEN_URI", stand_in.token_uri)
    push_fcm._credentials.clear()
    yield stand_in
    stand_in.stop()
    push_fcm._credentials.clear()


def phone(client, users, user):
    body = {"device_token": "fcm-token-1", "device_type": "android", "app_version": "1.0.0"}
    answer = client.post(TOKEN_UPDATE, json=body, headers=users.session_headers(user))
    assert answer.status_code == 200, answer.get_json()


def invited(ada, bob, n=1) -> None:
    notify(
        ada.id,
        "party_invitation",
        f"Invitation {n}",
        "Bob invited you to a party",
        data={"party_id": f"00000000-0000-0000-0000-00000000000{n}"},
        actor_id=bob.id,
    )


def pushes(channel="mobile_push"):
    return db.session.query(Delivery).filter_by(channel=channel).order_by(Delivery.created_at).all()


def test_a_notification_is_sent_with_a_bearer_from_the_token_endpoint(client, users, fcm, run_jobs):
    ada, bob = users.create(), users.create()
    phone(client, users, ada)
    invited(ada, bob, 1)
    invited(ada, bob, 2)
    run_jobs()
    assert fcm.refused == []
    first = fcm.messages[0]
    (row, _) = pushes()
    assert first == {
        "token": "fcm-token-1",
        "notification": {"title": "Invitation 1", "body": "Bob invited you to a party"},
        "data": {
            "id": str(row.notification_id),
            "type": "party_invitation",
            "url": "/party/00000000-0000-0000-0000-000000000001",
        },
    }
    assert len(fcm.messages) == 2 and fcm.tokens_issued == 1  # the token is kept until it expires
    assert [r.status for r in pushes()] == [SENT, SENT]


def test_unregistered_removes_the_token(client, users, fcm, run_jobs):
    ada, bob = users.create(), users.create()
    phone(client, users, ada)
    fcm.unregistered.add("fcm-token-1")
    invited(ada, bob)
    run_jobs()
    (row,) = pushes()
    assert row.status == FAILED and "UNREGISTERED" in row.error
    assert db.session.query(PushDevice).count() == 0


def test_a_429_is_retried_and_then_sent_once(app, client, users, fcm, run_jobs):
    ada, bob = users.create(), users.create()
    phone(client, users, ada)
    fcm.fail_next = [429]
    invited(ada, bob)
    run_until(app, run_jobs, lambda: pushes()[0].status != "queued")
    (row,) = pushes()
    assert (row.status, row.attempts) == (SENT, 2) and len(fcm.messages) == 1


def test_a_service_account_google_does_not_trust_gets_no_token(client, users, fcm, run_jobs):
    ada, bob = users.create(), users.create()
    phone(client, users, ada)
    fcm.trusted = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    invited(ada, bob)
    run_jobs()
    (row,) = pushes()
    assert row.status == FAILED and "invalid_grant" in row.error
    assert fcm.tokens_issued == 0 and fcm.messages == [] and len(fcm.refused) == 1


def test_a_browser_registered_by_fcm_token_is_reached_through_fcm(client, users, fcm, run_jobs):
    ada, bob = users.create(), users.create()
    body = {"token": "fcm-web-token", "platform": "web"}  # seed 004's names
    client.post(TOKEN_UPDATE, json=body, headers=users.session_headers(ada))
    invited(ada, bob)
    run_jobs()
    assert [m["token"] for m in fcm.messages] == ["fcm-web-token"]
    assert [r.status for r in pushes("web_push")] == [SENT]


def test_the_kinds_mobile_push_off_means_no_delivery(client, users, fcm, run_jobs):
    ada, bob = users.create(), users.create()
    phone(client, users, ada)
    channels = {"party_invitation": {"mobile_push": False}}
    prefs = client.put(
        "/api/notifications/preferences/",
        json={"channels": channels},
        headers=users.session_headers(ada),
    )
    assert prefs.status_code == 200, prefs.get_json()
    invited(ada, bob)
    notify(ada.id, "mention", "Bob mentioned you", "@ada", actor_id=bob.id)  # still pushed
    run_jobs()
    assert [m["data"]["type"] for m in fcm.messages] == ["mention"]
    assert len(pushes()) == 1


def test_a_token_that_moved_to_another_account_gets_nothing_queued_before(
    client, users, fcm, run_jobs, monkeypatch
):
    ada, bob = users.create(), users.create()
    phone(client, users, ada)
    with monkeypatch.context() as held:  # queue the job only once the token has moved
        held.setattr(send_one, "enqueue", lambda *args, **kw: None)
        invited(ada, bob)  # for Ada's phone...
    body = {"device_token": "fcm-token-1", "device_type": "android"}
    client.post(TOKEN_UPDATE, json=body, headers=users.session_headers(bob))  # ...now Bob's
    send_one.enqueue(str(pushes()[0].id))
    run_jobs()
    (row,) = pushes()
    assert row.status == FAILED and "another account" in row.error
    assert fcm.messages == [] and db.session.query(PushDevice).one().user_id == bob.id
