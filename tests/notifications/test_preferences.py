"""Notification preferences: defaults for every switch and kind, partial updates under seed
003's and 004's paths and names, and bad input refused with nothing stored."""

import pytest

from tests.helpers import assert_error
from watchparty.common.notify import notify
from watchparty.extensions import db
from watchparty.notifications.models import Notification

URL = "/api/notifications/preferences/"


def test_defaults_cover_every_switch_and_kind(client, users):
    prefs = client.get(URL, headers=users.session_headers(users.create())).get_json()
    assert prefs["email_notifications"] is prefs["push_notifications"] is True
    assert prefs["party_invitations"] is True and prefs["marketing"] is False
    assert prefs["channels"]["friend_request"] == {
        "email": True,
        "web_push": True,
        "mobile_push": True,
    }
    assert prefs["channels"]["friend_accepted"]["email"] is False
    assert prefs["in_app"] is True and prefs["quiet_hours_start"] is None


@pytest.mark.parametrize("method", ["put", "patch"])
def test_a_partial_update_keeps_the_rest(client, users, method):
    headers = users.session_headers(users.create())
    body = getattr(client, method)(
        URL,
        headers=headers,
        json={
            "party_invitations": False,
            "channels": {"mention": {"web_push": False}},
        },
    ).get_json()
    assert body["party_invitations"] is False and body["party_invites"] is False
    assert body["friend_requests"] is True
    assert body["channels"]["mention"] == {"email": False, "web_push": False, "mobile_push": True}
    client.post(URL + "update/", headers=headers, json={"channels": {"mention": {"email": True}}})
    again = client.get(URL, headers=headers).get_json()["channels"]["mention"]
    assert again == {"email": True, "web_push": False, "mobile_push": True}  # merged, not replaced
    seen = client.get("/api/users/notifications/settings/", headers=headers).get_json()
    assert seen["party_invites"] is False  # one store behind both paths


def test_a_topic_switched_off_is_not_even_stored(client, users):
    ada = users.create()
    client.put(URL, json={"friend_requests": False}, headers=users.session_headers(ada))
    notify(ada.id, "friend_request", "New friend request", "someone asked")
    assert db.session.query(Notification).count() == 0


@pytest.mark.parametrize(
    "body",
    [
        {"email_notifications": "yes"},
        {"carrier_pigeon": True},
        {"channels": {"carrier_pigeon": {"email": True}}},
        {"channels": {"mention": {"fax": True}}},
        {"quiet_hours_start": "25:00"},
        {"quiet_hours_end": "7am"},
        {"channels": []},
    ],
)
def test_bad_preferences_are_400_and_nothing_changes(client, users, body):
    ada = users.create()
    headers = users.session_headers(ada)
    before = client.get(URL, headers=headers).get_json()
    assert_error(client.put(URL, json=body, headers=headers), 400)
    assert client.get(URL, headers=headers).get_json() == before
