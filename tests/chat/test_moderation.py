"""Chat moderation: mutes, timed bans, warnings, deletions, who may do what, and the log."""

import uuid
from datetime import timedelta

from sqlalchemy import update

from tests.helpers import assert_error
from watchparty.chat.models import ChatSanction
from watchparty.common.types import utcnow
from watchparty.extensions import db


def _post(client, chat, path, body, actor=None):
    url = f"/api/chat/{chat.pid}/{path}/"
    return client.post(url, json=body, headers=chat.headers[actor or chat.mod])


def _expire_sanctions() -> None:
    db.session.execute(update(ChatSanction).values(until=utcnow() - timedelta(seconds=1)))
    db.session.commit()


def _say(socket, chat, text="hi") -> dict:
    return socket.call("send", {"party_id": chat.pid, "text": text})


def test_muted_user_cannot_send_until_the_mute_expires(client, chat, sockets):
    body = {"action": "mute_user", "target_id": str(chat.member.id), "duration": 600}
    response = _post(client, chat, "moderate", body)
    assert response.status_code == 200 and response.get_json()["until"]
    socket = sockets(chat.member, "/chat")
    assert _say(socket, chat)["error"] == "muted"
    _expire_sanctions()
    assert _say(socket, chat)["ok"]


def test_unmute_lifts_a_mute_and_a_second_unmute_is_409(client, chat, sockets):
    target = str(chat.member.id)
    _post(client, chat, "moderate", {"action": "mute_user", "target_id": target})
    assert (
        _post(client, chat, "moderate", {"action": "unmute_user", "target_id": target}).status_code
        == 200
    )
    assert _say(sockets(chat.member, "/chat"), chat)["ok"]
    again = _post(client, chat, "moderate", {"action": "unmute_user", "target_id": target})
    assert_error(again, 409, "not_muted")


def test_banned_user_can_neither_join_nor_send_until_unbanned(client, chat, sockets):
    ban = _post(client, chat, "ban", {"user_id": str(chat.member.id), "reason": "spam"})
    assert ban.status_code == 200 and ban.get_json()["until"] is None
    socket = sockets(chat.member, "/chat")
    assert socket.call("join", {"party_id": chat.pid})["error"] == "chat_banned"
    assert _say(socket, chat)["error"] == "chat_banned"
    assert _post(client, chat, "unban", {"user_id": str(chat.member.id)}).status_code == 200
    assert socket.call("join", {"party_id": chat.pid})["ok"]
    assert_error(_post(client, chat, "unban", {"user_id": str(chat.member.id)}), 409)


def test_ban_takes_an_open_socket_out_of_the_chat_room(client, chat, joined):
    banned, listener = joined(chat.member), joined(chat.host)
    response = _post(client, chat, "ban", {"user_id": str(chat.member.id), "reason": "spam"})
    assert response.status_code == 200
    note = banned.wait_for("banned")
    assert note == {"party_id": chat.pid, "reason": "spam", "until": None}
    sent = _say(listener, chat, "after the ban")["message"]
    listener.wait_for("message", lambda m: m["id"] == sent["id"])
    # Packets on one connection arrive in order: a broadcast would precede this ack.
    assert _say(banned, chat)["error"] == "chat_banned"
    assert [m["id"] for m in banned.received("message")] == []


def test_timed_ban_ends_by_itself(client, chat, sockets):
    _post(client, chat, "ban", {"user_id": str(chat.member.id), "duration": 3600})
    socket = sockets(chat.member, "/chat")
    assert _say(socket, chat)["error"] == "chat_banned"
    _expire_sanctions()
    assert _say(socket, chat)["ok"]


def test_mute_is_broadcast_to_the_room(client, chat, joined):
    listener = joined(chat.host)
    body = {"action": "mute_user", "target_id": str(chat.member.id), "reason": "calm down"}
    _post(client, chat, "moderate", body)
    note = listener.wait_for("moderation")
    assert note["action"] == "mute_user" and note["user"]["id"] == str(chat.member.id)
    assert note["reason"] == "calm down"


def test_timed_mute_is_broadcast_with_its_end_time_while_the_room_listens(client, chat, joined):
    listener = joined(chat.host)
    body = {"action": "mute_user", "target_id": str(chat.member.id), "duration": 900}
    response = _post(client, chat, "moderate", body)
    assert response.status_code == 200, response.get_json()
    note = listener.wait_for("moderation")
    assert note["until"].endswith("Z") and note["until"] == response.get_json()["until"]


def test_moderate_delete_message_broadcasts_deleted(client, chat, joined):
    author = joined(chat.member)
    sent = _say(author, chat, "rude")["message"]
    body = {"action": "delete_message", "target_id": sent["id"], "reason": "rude"}
    assert _post(client, chat, "moderate", body).status_code == 200
    assert author.wait_for("deleted")["message_id"] == sent["id"]
    missing = {"action": "delete_message", "target_id": str(uuid.uuid4())}
    assert_error(_post(client, chat, "moderate", missing), 404, "message_not_found")


def test_participants_cannot_moderate(client, chat):
    body = {"action": "warn_user", "target_id": str(chat.host.id)}
    assert_error(_post(client, chat, "moderate", body, chat.member), 403, "not_a_moderator")
    ban = {"user_id": str(chat.mod.id)}
    assert_error(_post(client, chat, "ban", ban, chat.member), 403, "not_a_moderator")
    assert_error(_post(client, chat, "ban", ban, chat.outsider), 404, "party_not_found")


def test_nobody_moderates_the_host_and_only_the_host_moderates_moderators(client, chat, users):
    assert_error(_post(client, chat, "ban", {"user_id": str(chat.host.id)}), 403, "cannot_moderate")
    host_bans_mod = _post(client, chat, "ban", {"user_id": str(chat.mod.id)}, chat.host)
    assert host_bans_mod.status_code == 200
    assert_error(_post(client, chat, "ban", {"user_id": str(chat.outsider.id)}), 404)
    assert_error(_post(client, chat, "ban", {"user_id": str(uuid.uuid4())}), 404)


def test_moderation_input_is_validated(client, chat):
    target = str(chat.member.id)
    cases = [
        ("moderate", {"action": "explode", "target_id": target}, "action"),
        ("moderate", {"action": "mute_user", "target_id": "x"}, "target_id"),
        ("moderate", {"action": "mute_user", "target_id": target, "duration": -5}, "duration"),
        ("moderate", {"action": "mute_user", "target_id": target, "duration": "5"}, "duration"),
        ("ban", {"user_id": target, "duration": 0}, "duration"),
        ("ban", {"duration": 10}, "user_id"),
        ("unban", {}, "user_id"),
    ]
    for path, body, field in cases:
        response = _post(client, chat, path, body)
        assert field in assert_error(response, 400)["errors"], (path, body)


def test_moderation_log_records_actions_newest_first_for_moderators_only(client, chat):
    target = str(chat.member.id)
    _post(client, chat, "moderate", {"action": "warn_user", "target_id": target, "reason": "1"})
    _post(client, chat, "ban", {"user_id": target, "duration": 60, "reason": "2"})
    url = f"/api/chat/{chat.pid}/moderation-log/"
    body = client.get(url, headers=chat.headers[chat.host]).get_json()
    assert [e["action"] for e in body["results"]] == ["ban_user", "warn_user"]
    latest = body["results"][0]
    assert latest["moderator"]["id"] == str(chat.mod.id)
    assert latest["target_user_id"] == target and latest["duration"] == 60
    assert_error(client.get(url, headers=chat.headers[chat.member]), 403)
