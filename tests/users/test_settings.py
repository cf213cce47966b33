"""GET/PUT/PATCH settings, notification settings and privacy settings."""

import pytest

from watchparty.extensions import db

SETTINGS = "/api/users/settings/"
NOTIFICATIONS = "/api/users/notifications/settings/"
PRIVACY = "/api/users/privacy/settings/"


def test_defaults_are_returned_before_anything_is_stored(client, me):
    _, headers = me
    assert client.get(SETTINGS, headers=headers).get_json() == {
        "theme": "system",
        "language": "en",
        "timezone": "UTC",
        "autoplay": True,
        "default_quality": "auto",
    }
    notifications = client.get(NOTIFICATIONS, headers=headers).get_json()
    assert notifications["marketing_emails"] is False and notifications["party_invites"] is True
    privacy = client.get(PRIVACY, headers=headers).get_json()
    assert privacy["profile_visibility"] == "public" and privacy["searchable"] is True


@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_merges_over_defaults_and_persists(client, me, method):
    user, headers = me
    send = getattr(client, method)
    body = send(
        SETTINGS, headers=headers, json={"theme": "dark", "timezone": "Europe/Paris"}
    ).get_json()
    assert body["theme"] == "dark" and body["timezone"] == "Europe/Paris"
    assert body["language"] == "en"
    send(SETTINGS, headers=headers, json={"language": "pt-BR"})
    assert client.get(SETTINGS, headers=headers).get_json() == {
        "theme": "dark",
        "language": "pt-BR",
        "timezone": "Europe/Paris",
        "autoplay": True,
        "default_quality": "auto",
    }
    db.session.expire_all()
    assert user.settings == {"theme": "dark", "timezone": "Europe/Paris", "language": "pt-BR"}


def test_notification_and_privacy_updates_persist(client, me):
    user, headers = me
    client.put(NOTIFICATIONS, headers=headers, json={"marketing_emails": True})
    client.patch(PRIVACY, headers=headers, json={"profile_visibility": "private"})
    assert client.get(NOTIFICATIONS, headers=headers).get_json()["marketing_emails"] is True
    assert client.get(PRIVACY, headers=headers).get_json()["profile_visibility"] == "private"


@pytest.mark.parametrize(
    ("path", "payload", "field"),
    [
        (SETTINGS, {"theme": "neon"}, "theme"),
        (SETTINGS, {"timezone": "Mars/Olympus_Mons"}, "timezone"),
        (SETTINGS, {"timezone": "../../etc/passwd"}, "timezone"),
        (SETTINGS, {"language": "english please"}, "language"),
        (SETTINGS, {"autoplay": "yes"}, "autoplay"),
        (SETTINGS, {"autoplay": 1}, "autoplay"),
        (SETTINGS, {"default_quality": "4k"}, "default_quality"),
        (SETTINGS, {"theme": None}, "theme"),
        (SETTINGS, {"wallpaper": "cats"}, "wallpaper"),
        (NOTIFICATIONS, {"party_invites": "false"}, "party_invites"),
        (NOTIFICATIONS, {"carrier_pigeon": True}, "carrier_pigeon"),
        (PRIVACY, {"profile_visibility": "everyone"}, "profile_visibility"),
        (PRIVACY, {"searchable": None}, "searchable"),
    ],
)
def test_bad_value_or_unknown_key_is_400_and_nothing_is_stored(client, me, path, payload, field):
    user, headers = me
    before = client.get(path, headers=headers).get_json()
    response = client.put(path, headers=headers, json=payload)
    body = response.get_json()
    assert response.status_code == 400, body
    assert field in body["errors"]
    assert client.get(path, headers=headers).get_json() == before
    db.session.expire_all()
    assert user.settings == {} and user.notification_settings == {}
    assert user.privacy_settings == {}


def test_valid_field_beside_an_invalid_one_is_not_stored(client, me):
    user, headers = me
    response = client.patch(SETTINGS, headers=headers, json={"theme": "dark", "autoplay": "no"})
    assert response.status_code == 400
    db.session.expire_all()
    assert user.settings == {}


@pytest.mark.parametrize("path", [SETTINGS, NOTIFICATIONS, PRIVACY])
def test_malformed_json_is_400(client, me, path):
    _, headers = me
    response = client.put(path, headers=headers, data="{", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["success"] is False


def test_stale_stored_keys_are_not_shown(client, me):
    user, headers = me
    user.settings = {"theme": "light", "removed_option": 3}
    db.session.commit()
    body = client.get(SETTINGS, headers=headers).get_json()
    assert body["theme"] == "light" and "removed_option" not in body
