"""Chat settings (read by members, changed by moderators) and chat statistics."""

import uuid

from tests.helpers import assert_error


def _url(chat, path) -> str:
    return f"/api/chat/{chat.pid}/{path}/"


def test_settings_default_for_a_new_party(client, chat):
    body = client.get(_url(chat, "settings"), headers=chat.headers[chat.member]).get_json()
    assert body == {
        "slow_mode": False,
        "slow_mode_interval": 5,
        "max_message_length": 500,
        "allow_links": True,
        "allow_emojis": True,
        "blocked_words": [],
    }


def test_moderator_updates_settings_partially_and_members_see_it(client, chat, joined):
    listener = joined(chat.member)
    changes = {"slow_mode": True, "slow_mode_interval": 10}
    response = client.put(_url(chat, "settings"), json=changes, headers=chat.headers[chat.mod])
    assert response.status_code == 200
    assert response.get_json()["slow_mode_interval"] == 10
    assert response.get_json()["max_message_length"] == 500
    assert listener.wait_for("settings")["slow_mode"] is True
    patch = client.patch(
        _url(chat, "settings"), json={"allow_links": False}, headers=chat.headers[chat.host]
    )
    assert patch.get_json()["allow_links"] is False and patch.get_json()["slow_mode"] is True
    seen = client.get(_url(chat, "settings"), headers=chat.headers[chat.member]).get_json()
    assert seen["allow_links"] is False and seen["slow_mode_interval"] == 10


def test_settings_updates_are_validated_and_nothing_is_half_written(client, chat):
    headers = chat.headers[chat.host]
    bad = [
        {"max_message_length": 2001},
        {"max_message_length": 0},
        {"slow_mode_interval": "5"},
        {"slow_mode_interval": 2.5},
        {"slow_mode": "maybe"},
        {"allow_emojis": True, "colour": "red"},
    ]
    for body in bad:
        response = client.put(_url(chat, "settings"), json=body, headers=headers)
        assert_error(response, 400, "validation_error")
    current = client.get(_url(chat, "settings"), headers=headers).get_json()
    assert current["max_message_length"] == 500 and current["allow_emojis"] is True


def test_only_host_and_moderators_change_settings(client, chat):
    body = {"slow_mode": True}
    member = client.put(_url(chat, "settings"), json=body, headers=chat.headers[chat.member])
    assert_error(member, 403, "not_a_moderator")
    outsider = client.get(_url(chat, "settings"), headers=chat.headers[chat.outsider])
    assert_error(outsider, 404, "party_not_found")
    unknown = client.get(f"/api/chat/{uuid.uuid4()}/settings/", headers=chat.headers[chat.host])
    assert_error(unknown, 404)


def test_stats_count_messages_senders_rate_and_popular_emojis(client, chat):
    send = _url(chat, "messages/send")
    for user, text in [
        (chat.member, "😂😂 lol"),
        (chat.member, "👍"),
        (chat.host, "😂 indeed"),
        (chat.host, "no emoji"),
    ]:
        assert client.post(send, json={"text": text}, headers=chat.headers[user]).status_code == 201
    body = client.get(_url(chat, "stats"), headers=chat.headers[chat.mod]).get_json()
    assert body["total_messages"] == 4
    assert body["active_participants"] == 2
    assert body["message_rate"] == 0.4
    assert body["popular_emojis"][:2] == ["😂", "👍"]
    assert_error(client.get(_url(chat, "stats"), headers=chat.headers[chat.member]), 403)
