"""Registering push devices: FCM tokens under seed 003's and seed 004's names and at
/api/mobile/push-token/, browser subscriptions, removal of your own only, the VAPID key without
sign-in, the service worker at the root, and bad input refused with nothing stored."""

import pytest

from tests.helpers import assert_error
from tests.notifications.push_kit import Browser, vapid_keys
from watchparty.extensions import db
from watchparty.notifications.models import PushDevice

PUSH = "/api/notifications/push/"
ENDPOINT = "https://push.example.com/send/abc"


@pytest.fixture
def vapid(app, monkeypatch):
    public, private = vapid_keys()
    monkeypatch.setitem(app.config, "VAPID_PUBLIC_KEY", public)
    monkeypatch.setitem(app.config, "VAPID_PRIVATE_KEY", private)
    return public


def devices():
    db.session.expire_all()
    return db.session.query(PushDevice).order_by(PushDevice.created_at).all()


def test_a_token_registered_again_is_updated_not_duplicated(client, me):
    user, headers = me
    first = {"device_token": "tok-1", "device_type": "ios", "app_version": "1.0.0"}
    answer = client.post(f"{PUSH}token/update/", json=first, headers=headers)
    assert answer.status_code == 200 and answer.get_json()["success"] is True
    again = client.post(
        f"{PUSH}token/update/", json={"token": "tok-1", "platform": "android"}, headers=headers
    )
    assert again.get_json()["device"]["device_type"] == "android"
    (device,) = devices()
    assert (device.user_id, device.device_type, device.app_version) == (user.id, "android", None)


def test_the_mobile_endpoint_registers_a_token(client, me):
    user, headers = me
    body = {"device_token": "tok-m", "device_type": "android"}
    assert client.post("/api/mobile/push-token/", json=body, headers=headers).status_code == 200
    assert [(d.token, d.user_id) for d in devices()] == [("tok-m", user.id)]


def test_a_token_signed_in_on_another_account_moves_there(client, users):
    ada, bob = users.create(), users.create()
    body = {"device_token": "shared-phone", "device_type": "ios"}
    client.post(f"{PUSH}token/update/", json=body, headers=users.session_headers(ada))
    client.post(f"{PUSH}token/update/", json=body, headers=users.session_headers(bob))
    assert [d.user_id for d in devices()] == [bob.id]
    mine = client.get(f"{PUSH}devices/", headers=users.session_headers(ada)).get_json()
    assert mine["devices"] == []


def test_only_your_own_token_can_be_removed(client, users):
    ada, bob = users.create(), users.create()
    body = {"device_token": "ada-phone", "device_type": "ios"}
    client.post(f"{PUSH}token/update/", json=body, headers=users.session_headers(ada))
    theirs = client.delete(f"{PUSH}token/remove/", json=body, headers=users.session_headers(bob))
    assert theirs.get_json()["removed"] is False and len(devices()) == 1
    own = client.delete(f"{PUSH}token/remove/", json=body, headers=users.session_headers(ada))
    assert own.get_json()["removed"] is True and devices() == []


def test_a_browser_subscribes_and_unsubscribes(client, me, vapid):
    user, headers = me
    subscription = Browser(ENDPOINT).subscription() | {"someFutureField": 1}
    answer = client.post(f"{PUSH}web/subscribe/", json=subscription, headers=headers)
    assert answer.status_code == 200 and answer.get_json()["device"]["web_push"] is True
    (device,) = devices()
    assert (device.device_type, device.p256dh) == ("web", subscription["keys"]["p256dh"])
    gone = client.post(f"{PUSH}web/unsubscribe/", json={"endpoint": ENDPOINT}, headers=headers)
    assert gone.get_json()["removed"] is True and devices() == []


def test_subscribing_without_vapid_keys_is_503(client, me, app, monkeypatch):
    monkeypatch.setitem(app.config, "VAPID_PUBLIC_KEY", None)
    answer = client.post(
        f"{PUSH}web/subscribe/", json=Browser(ENDPOINT).subscription(), headers=me[1]
    )
    assert_error(answer, 503, "push_not_configured")
    assert devices() == []


def test_the_vapid_key_needs_no_sign_in(client, vapid):
    assert client.get(f"{PUSH}vapid-public-key/").get_json() == {
        "public_key": vapid,
        "enabled": True,
    }


def test_the_service_worker_is_served_at_the_root_for_the_whole_site(client):
    answer = client.get("/sw.js")
    assert answer.status_code == 200 and answer.headers["Service-Worker-Allowed"] == "/"
    assert answer.mimetype == "text/javascript" and b'addEventListener("push"' in answer.data


KEYS = Browser(ENDPOINT).subscription()["keys"]
BAD = [
    ("post", "token/update/", {}),
    ("post", "token/update/", {"device_token": "t"}),
    ("post", "token/update/", {"device_token": "t", "device_type": "windows"}),
    ("post", "token/update/", {"device_token": "", "device_type": "ios"}),
    ("post", "token/update/", {"device_token": "a", "token": "b", "device_type": "ios"}),
    ("post", "token/update/", {"device_token": "t" * 1025, "device_type": "ios"}),
    ("post", "token/update/", {"device_token": 5, "device_type": "ios"}),
    ("post", "token/update/", {"device_token": "t", "device_type": "ios", "app_version": "v" * 41}),
    ("post", "token/update/", {"device_token": "t", "device_type": "ios", "extra": 1}),
    ("delete", "token/remove/", {}),
    ("post", "web/subscribe/", {"endpoint": ENDPOINT}),
    ("post", "web/subscribe/", {"endpoint": "http://push.example.com/x", "keys": KEYS}),
    ("post", "web/subscribe/", {"endpoint": "https://127.0.0.1/x", "keys": KEYS}),
    ("post", "web/subscribe/", {"endpoint": "https://localhost/x", "keys": KEYS}),
    ("post", "web/subscribe/", {"endpoint": "not a url", "keys": KEYS}),
    ("post", "web/subscribe/", {"endpoint": ENDPOINT, "keys": KEYS | {"p256dh": "AAAA"}}),
    ("post", "web/subscribe/", {"endpoint": ENDPOINT, "keys": KEYS | {"auth": "!!notbase64"}}),
    ("post", "web/subscribe/", {"endpoint": ENDPOINT, "keys": {"auth": KEYS["auth"]}}),
    ("post", "web/unsubscribe/", {}),
    ("post", "/api/mobile/push-token/", {"device_type": "ios"}),
]


@pytest.mark.parametrize(("method", "path", "body"), BAD)
def test_bad_input_is_400_and_stores_nothing(client, me, vapid, method, path, body):
    url = path if path.startswith("/") else PUSH + path
    answer = getattr(client, method)(url, json=body, headers=me[1])
    assert_error(answer, 400, "validation_error")
    assert devices() == []


@pytest.mark.parametrize("path", ["token/update/", "web/subscribe/", "devices/", "test/"])
def test_device_endpoints_need_a_sign_in(client, path):
    answer = client.get(PUSH + path) if path == "devices/" else client.post(PUSH + path, json={})
    assert_error(answer, 401)
