"""REST chat: history paging and bounds, send (both seeds' bodies), room, active users."""

import uuid

from tests.factories import chat_messages
from tests.helpers import assert_error
from watchparty.common.types import iso
from watchparty.extensions import db
from watchparty.live import presence


def test_history_is_paginated_newest_first_with_seed_field_names(client, chat):
    chat_messages(chat.party, chat.member, 5)
    url = f"/api/chat/{chat.pid}/messages/?page=2&limit=2"
    body = client.get(url, headers=chat.headers[chat.member]).get_json()
    assert body["count"] == 5 and body["total_pages"] == 3 and body["current_page"] == 2
    assert [m["text"] for m in body["results"]] == ["m2", "m1"]
    first = body["results"][0]
    assert first["message"] == first["text"] and first["timestamp"] == first["created_at"]
    assert first["message_type"] == "text" and first["edited"] is False
    assert first["user"]["username"]


def test_history_before_and_after_accept_a_message_id_or_an_iso_time(client, chat):
    rows = chat_messages(chat.party, chat.member, 5)
    headers = chat.headers[chat.member]
    url = f"/api/chat/{chat.pid}/messages/"
    before = client.get(url, query_string={"before": str(rows[2].id)}, headers=headers)
    assert [m["text"] for m in before.get_json()["results"]] == ["m1", "m0"]
    after = client.get(url, query_string={"after": iso(rows[2].created_at)}, headers=headers)
    assert [m["text"] for m in after.get_json()["results"]] == ["m4", "m3"]
    legacy = client.get(
        f"/api/parties/{chat.pid}/chat/",
        query_string={"before_timestamp": iso(rows[1].created_at)},
        headers=headers,
    )
    assert [m["text"] for m in legacy.get_json()["results"]] == ["m0"]


def test_history_rejects_a_bad_bound_and_an_unknown_message_id(client, chat):
    headers = chat.headers[chat.member]
    url = f"/api/chat/{chat.pid}/messages/"
    bad = client.get(url, query_string={"before": "yesterday"}, headers=headers)
    assert "before" in assert_error(bad, 400, "validation_error")["errors"]
    missing = client.get(url, query_string={"after": str(uuid.uuid4())}, headers=headers)
    assert_error(missing, 404, "message_not_found")
    assert_error(client.get(url, query_string={"page": 0}, headers=headers), 400)


def test_history_is_for_members_only_and_404_for_unknown_or_hidden_parties(client, chat):
    url = f"/api/chat/{chat.pid}/messages/"
    assert_error(client.get(url, headers=chat.headers[chat.outsider]), 404, "party_not_found")
    assert_error(client.get(url), 401)
    unknown = f"/api/chat/{uuid.uuid4()}/messages/"
    assert_error(client.get(unknown, headers=chat.headers[chat.member]), 404, "party_not_found")
    assert client.get("/api/chat/not-a-uuid/messages/").status_code == 404


def test_send_accepts_message_or_text_and_returns_status_sent(client, chat):
    url = f"/api/chat/{chat.pid}/messages/send/"
    headers = chat.headers[chat.member]
    seed3 = client.post(
        url, json={"message": "Great movie!", "message_type": "text"}, headers=headers
    )
    assert seed3.status_code == 201
    body = seed3.get_json()
    assert body["status"] == "sent" and body["message"] == "Great movie!" and body["id"]
    reply = client.post(url, json={"text": "agreed", "reply_to": body["id"]}, headers=headers)
    assert reply.get_json()["reply_to"] == body["id"]


def test_send_validates_its_body(client, chat, parties):
    url = f"/api/chat/{chat.pid}/messages/send/"
    headers = chat.headers[chat.member]
    assert_error(client.post(url, json={}, headers=headers), 400, "validation_error")
    wrong = client.post(url, json={"message": "x", "message_type": "system"}, headers=headers)
    assert "message_type" in assert_error(wrong, 400)["errors"]
    bad_reply = client.post(url, json={"text": "x", "reply_to": "nope"}, headers=headers)
    assert "reply_to" in assert_error(bad_reply, 400)["errors"]
    gone = client.post(url, json={"text": "x", "reply_to": str(uuid.uuid4())}, headers=headers)
    assert_error(gone, 404, "message_not_found")
    other = parties.create(chat.host)
    elsewhere = chat_messages(other, chat.host, 1)[0]
    cross = client.post(url, json={"text": "x", "reply_to": str(elsewhere.id)}, headers=headers)
    assert_error(cross, 404, "message_not_found")
    assert_error(client.post(url, data="x", headers=headers), 400)


def test_send_is_refused_when_the_party_turned_chat_off(client, chat):
    chat.party.allow_chat = False
    db.session.commit()
    url = f"/api/chat/{chat.pid}/messages/send/"
    response = client.post(url, json={"text": "hi"}, headers=chat.headers[chat.member])
    assert_error(response, 403, "chat_disabled")


def test_join_requires_membership_and_leave_confirms(client, chat):
    url = f"/api/chat/{chat.pid}/join/"
    joined = client.post(url, headers=chat.headers[chat.member])
    assert joined.status_code == 200 and joined.get_json()["success"] is True
    assert joined.get_json()["settings"]["allow_links"] is True
    assert_error(client.post(url, headers=chat.headers[chat.outsider]), 404, "party_not_found")
    left = client.post(f"/api/chat/{chat.pid}/leave/", headers=chat.headers[chat.member])
    assert left.status_code == 200 and left.get_json()["success"] is True
    unknown = client.post(f"/api/chat/{uuid.uuid4()}/leave/", headers=chat.headers[chat.member])
    assert_error(unknown, 404)


def test_active_users_lists_members_connected_to_the_party(client, chat):
    # Presence is written by the /party namespace; record a connection the way it does.
    presence.join(chat.party.id, "sid-1", chat.member.id)
    url = f"/api/chat/{chat.pid}/active-users/"
    body = client.get(url, headers=chat.headers[chat.host]).get_json()
    assert body["total_active"] == 1
    (entry,) = body["active_users"]
    assert entry["id"] == str(chat.member.id) and entry["username"] and entry["last_seen"]
    assert_error(client.get(url, headers=chat.headers[chat.outsider]), 404, "party_not_found")
