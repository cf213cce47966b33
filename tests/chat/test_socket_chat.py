"""The /chat namespace: join, send, dedupe, delete, leave, over real Socket.IO connections."""

import threading
import uuid

from sqlalchemy import func, select

from watchparty.chat.models import ChatMessage
from watchparty.extensions import db


def _count(party_id) -> int:
    db.session.expire_all()
    return db.session.scalar(
        select(func.count()).select_from(ChatMessage).where(ChatMessage.party_id == party_id)
    )


def test_join_acks_recent_messages_oldest_first_and_settings(client, chat, sockets):
    for n in range(3):
        body = {"message": f"m{n}"}
        url = f"/api/chat/{chat.pid}/messages/send/"
        assert client.post(url, json=body, headers=chat.headers[chat.host]).status_code == 201
    ack = sockets(chat.member, "/chat").call("join", {"party_id": chat.pid})
    assert ack["ok"] is True
    assert [m["text"] for m in ack["messages"]] == ["m0", "m1", "m2"]
    assert ack["settings"]["max_message_length"] == 500
    assert ack["settings"]["slow_mode"] is False


def test_join_is_refused_to_a_non_member_who_cannot_see_the_private_party(chat, sockets):
    ack = sockets(chat.outsider, "/chat").call("join", {"party_id": chat.pid})
    assert ack["ok"] is False
    assert ack["error"] == "party_not_found"


def test_join_of_an_unknown_party_is_404_and_a_bad_id_is_400(chat, sockets):
    socket = sockets(chat.member, "/chat")
    assert socket.call("join", {"party_id": str(uuid.uuid4())})["error"] == "party_not_found"
    bad = socket.call("join", {"party_id": 42})
    assert bad["ok"] is False and bad["error"] == "validation_error"
    assert "party_id" in bad["errors"]


def test_send_is_acked_after_commit_and_readable_over_rest(client, chat, sockets):
    socket = sockets(chat.member, "/chat")
    ack = socket.call("send", {"party_id": chat.pid, "text": "hello", "client_id": "c1"})
    assert ack["ok"] is True, ack
    message = ack["message"]
    assert message["text"] == "hello" and message["client_id"] == "c1"
    assert message["user"]["id"] == str(chat.member.id)
    response = client.get(f"/api/chat/{chat.pid}/messages/", headers=chat.headers[chat.host])
    assert [m["id"] for m in response.get_json()["results"]] == [message["id"]]


def test_send_is_broadcast_to_other_members_of_the_room(chat, joined):
    sender, other = joined(chat.member), joined(chat.host)
    ack = sender.call("send", {"party_id": chat.pid, "text": "hi all", "client_id": "a"})
    got = other.wait_for("message")
    assert got["id"] == ack["message"]["id"]
    assert got["party_id"] == chat.pid and got["text"] == "hi all"
    assert got["user"]["id"] == str(chat.member.id)
    assert {"reply_to", "client_id", "created_at"} <= set(got)


def test_repeated_client_id_returns_the_stored_message_without_rebroadcast(chat, joined):
    sender, other = joined(chat.member), joined(chat.host)
    first = sender.call("send", {"party_id": chat.pid, "text": "once", "client_id": "dup"})
    other.wait_for("message")
    again = sender.call("send", {"party_id": chat.pid, "text": "once", "client_id": "dup"})
    assert again["ok"] and again["message"]["id"] == first["message"]["id"]
    marker = sender.call("send", {"party_id": chat.pid, "text": "after", "client_id": "m"})
    other.wait_for("message", lambda m: m["id"] == marker["message"]["id"])
    assert [m["text"] for m in other.received("message")] == ["once", "after"]
    assert _count(chat.party.id) == 2


def test_concurrent_sends_with_one_client_id_store_one_message(chat, sockets):
    conns = [sockets(chat.member, "/chat") for _ in range(2)]
    acks: list = []

    def send(socket):
        acks.append(socket.call("send", {"party_id": chat.pid, "text": "x", "client_id": "r"}))

    threads = [threading.Thread(target=send, args=(s,)) for s in conns]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(ack["ok"] for ack in acks), acks
    assert len({ack["message"]["id"] for ack in acks}) == 1
    assert _count(chat.party.id) == 1


def test_non_member_cannot_send(chat, sockets):
    ack = sockets(chat.outsider, "/chat").call("send", {"party_id": chat.pid, "text": "hey"})
    assert ack["ok"] is False and ack["error"] == "party_not_found"
    assert _count(chat.party.id) == 0


def test_moderator_delete_is_broadcast_and_hides_the_message(client, chat, joined):
    author, mod = joined(chat.member), joined(chat.mod)
    sent = author.call("send", {"party_id": chat.pid, "text": "spam"})["message"]
    ack = mod.call("delete", {"party_id": chat.pid, "message_id": sent["id"]})
    assert ack["ok"] is True
    event = author.wait_for("deleted")
    assert event == {"party_id": chat.pid, "message_id": sent["id"]}
    response = client.get(f"/api/chat/{chat.pid}/messages/", headers=chat.headers[chat.host])
    assert response.get_json()["count"] == 0


def test_participant_cannot_delete_someone_elses_message_but_can_delete_own(chat, joined):
    host, member = joined(chat.host), joined(chat.member)
    theirs = host.call("send", {"party_id": chat.pid, "text": "host says"})["message"]
    denied = member.call("delete", {"party_id": chat.pid, "message_id": theirs["id"]})
    assert denied["ok"] is False and denied["error"] == "not_a_moderator"
    own = member.call("send", {"party_id": chat.pid, "text": "oops"})["message"]
    assert member.call("delete", {"party_id": chat.pid, "message_id": own["id"]})["ok"]
    missing = member.call("delete", {"party_id": chat.pid, "message_id": str(uuid.uuid4())})
    assert missing["error"] == "message_not_found"


def test_rest_sent_message_reaches_socket_clients(client, chat, joined):
    listener = joined(chat.host)
    body = {"message": "from rest", "message_type": "text", "client_id": "r1"}
    url = f"/api/parties/{chat.pid}/chat/"
    response = client.post(url, json=body, headers=chat.headers[chat.member])
    assert response.status_code == 201
    got = listener.wait_for("message")
    assert got["id"] == response.get_json()["id"] and got["text"] == "from rest"


def test_after_leave_a_socket_no_longer_receives_messages(chat, joined):
    leaver, stayer, sender = joined(chat.member), joined(chat.mod), joined(chat.host)
    assert leaver.call("leave", {"party_id": chat.pid})["ok"]
    sender.call("send", {"party_id": chat.pid, "text": "bye"})
    stayer.wait_for("message")
    sender.wait_for("message")
    assert leaver.received("message") == []


def test_empty_or_missing_text_is_a_validation_error(chat, sockets):
    socket = sockets(chat.member, "/chat")
    assert socket.call("send", {"party_id": chat.pid})["error"] == "validation_error"
    assert socket.call("send", {"party_id": chat.pid, "text": "   "})["error"] == "validation_error"
    assert socket.call("send", {"party_id": chat.pid, "text": 5})["error"] == "validation_error"
