"""The /messaging namespace over real Socket.IO connections: live messages to every
connection of each member, acks after commit, client_id dedupe, read receipts, typing,
access and blocks."""

import threading
import uuid

import pytest
from sqlalchemy import func, select

from watchparty.extensions import db
from watchparty.messaging.models import DirectMessage


def _stored() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(DirectMessage))


@pytest.fixture
def pair(dm):
    """Ada and Bob's conversation id."""
    return dm.start(dm.ada, dm.bob).get_json()["id"]


def test_a_socket_send_is_acked_after_commit_and_reaches_every_members_connection(
    dm, pair, sockets
):
    ada, bob, bob_phone, cy = (sockets(u, "/messaging") for u in (dm.ada, dm.bob, dm.bob, dm.cy))
    ack = ada.call("send", {"conversation_id": pair, "message": "hello", "client_id": "k1"})
    assert ack["ok"] is True, ack
    message = ack["message"]
    assert message["text"] == "hello" and message["sender"]["id"] == str(dm.ada.id)
    stored = dm.get(dm.bob, f"conversations/{pair}/messages/").get_json()["results"]
    assert [m["id"] for m in stored] == [message["id"]]
    for socket in (bob, bob_phone):
        got = socket.wait_for("message")
        assert got["id"] == message["id"] and got["conversation_id"] == pair
    ada.wait_for("message")  # the sender's other tabs see it too
    marker = dm.start(dm.cy, dm.ada).get_json()["id"]
    dm.send(dm.cy, marker, message="marker")
    ada.wait_for("message", lambda m: m["text"] == "marker")
    cy.wait_for("message", lambda m: m["text"] == "marker")  # each socket hears in its own time
    assert [m["text"] for m in cy.received("message")] == ["marker"]  # not Ada and Bob's


def test_a_rest_send_arrives_live_too(dm, pair, sockets):
    bob = sockets(dm.bob, "/messaging")
    sent = dm.send(dm.ada, pair, message="over rest").get_json()
    assert bob.wait_for("message")["id"] == sent["id"]


def test_a_repeated_client_id_returns_the_stored_message_without_delivering_again(
    dm, pair, sockets
):
    ada, bob = sockets(dm.ada, "/messaging"), sockets(dm.bob, "/messaging")
    payload = {"conversation_id": pair, "message": "once", "client_id": "dup"}
    first = ada.call("send", payload)
    bob.wait_for("message")
    again = ada.call("send", payload)
    assert again["ok"] and again["message"]["id"] == first["message"]["id"]
    marker = ada.call("send", {"conversation_id": pair, "message": "after", "client_id": "m"})
    bob.wait_for("message", lambda m: m["id"] == marker["message"]["id"])
    assert [m["text"] for m in bob.received("message")] == ["once", "after"]
    assert _stored() == 2


def test_concurrent_sends_with_one_client_id_store_one_message(dm, pair, sockets):
    conns = [sockets(dm.ada, "/messaging") for _ in range(3)]
    acks: list = []
    barrier = threading.Barrier(len(conns))
    payload = {"conversation_id": pair, "message": "race", "client_id": "same"}

    def send(socket):
        barrier.wait()
        acks.append(socket.call("send", payload))

    threads = [threading.Thread(target=send, args=(c,)) for c in conns]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(a["ok"] for a in acks), acks
    assert len({a["message"]["id"] for a in acks}) == 1
    assert _stored() == 1


def test_read_receipts_reach_the_other_member(dm, pair, sockets):
    ada, bob = sockets(dm.ada, "/messaging"), sockets(dm.bob, "/messaging")
    sent = ada.call("send", {"conversation_id": pair, "message": "seen?"})["message"]
    ack = bob.call("read", {"conversation_id": pair, "message_id": sent["id"]})
    assert ack["ok"] and ack["unread_count"] == 0 and ack["last_read_at"] == sent["created_at"]
    receipt = ada.wait_for("read")
    assert receipt == {
        "conversation_id": pair,
        "user_id": str(dm.bob.id),
        "last_read_at": sent["created_at"],
    }
    assert bob.received("read") == []


def test_typing_reaches_the_others_and_is_not_stored(dm, pair, sockets):
    ada, bob = sockets(dm.ada, "/messaging"), sockets(dm.bob, "/messaging")
    assert ada.call("typing", {"conversation_id": pair})["ok"]
    got = bob.wait_for("typing")
    assert got["conversation_id"] == pair and got["typing"] is True
    assert got["user"]["id"] == str(dm.ada.id)
    ada.call("typing", {"conversation_id": pair, "typing": False})
    assert bob.wait_for("typing", lambda t: t["typing"] is False)
    assert ada.received("typing") == [] and _stored() == 0


def test_typing_signals_are_rate_limited(dm, pair, sockets):
    ada = sockets(dm.ada, "/messaging")
    acks = [ada.call("typing", {"conversation_id": pair}) for _ in range(8)]
    assert all(a["ok"] for a in acks[:5])
    assert acks[-1]["ok"] is False and acks[-1]["error"] == "rate_limited"


def test_outsiders_get_404_for_every_event_and_hear_nothing(dm, pair, sockets):
    cy, bob = sockets(dm.cy, "/messaging"), sockets(dm.bob, "/messaging")
    for event, payload in (
        ("send", {"conversation_id": pair, "message": "hi"}),
        ("read", {"conversation_id": pair}),
        ("typing", {"conversation_id": pair}),
        ("send", {"conversation_id": str(uuid.uuid4()), "message": "hi"}),
    ):
        ack = cy.call(event, payload)
        assert ack["ok"] is False and ack["error"] == "conversation_not_found", (event, ack)
    assert _stored() == 0 and bob.received("message") == [] and bob.received("typing") == []


def test_bad_payloads_are_400_and_store_nothing(dm, pair, sockets):
    ada = sockets(dm.ada, "/messaging")
    for payload in (
        {"message": "no conversation"},
        {"conversation_id": "nope", "message": "hi"},
        {"conversation_id": pair, "message": "x" * 2001},
        {"conversation_id": pair, "message": ""},
        {"conversation_id": pair, "message": "hi", "message_type": "gif"},
        {"conversation_id": pair, "message_type": "video_share"},
    ):
        ack = ada.call("send", payload)
        assert ack["ok"] is False and ack["error"] == "validation_error", (payload, ack)
    assert ada.call("read", {"conversation_id": pair, "message_id": 5})["error"] == (
        "validation_error"
    )
    unknown = ada.call("read", {"conversation_id": pair, "message_id": str(uuid.uuid4())})
    assert unknown["error"] == "message_not_found"
    assert ada.call("typing", {"conversation_id": pair, "typing": "yes"})["ok"] is False
    assert _stored() == 0


def test_a_block_stops_socket_messages_and_typing_between_the_two(client, dm, pair, sockets):
    ada, bob = sockets(dm.ada, "/messaging"), sockets(dm.bob, "/messaging")
    client.post("/api/users/block/", json={"user_id": str(dm.ada.id)}, headers=dm.h[dm.bob])
    for sender in (ada, bob):
        ack = sender.call("send", {"conversation_id": pair, "message": "hi"})
        assert ack["ok"] is False and ack["error"] == "blocked"
    ada.call("typing", {"conversation_id": pair})
    group = dm.start(dm.cy, dm.ada, dm.bob).get_json()["id"]
    cy = sockets(dm.cy, "/messaging")
    ada.call("send", {"conversation_id": group, "message": "to the group"})
    cy.wait_for("message")
    ada.wait_for("message")
    assert bob.received("message") == [] and bob.received("typing") == []
    assert _stored() == 1


def test_a_connection_without_a_valid_token_is_refused(live_server):
    import socketio

    client = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(
            live_server.url,
            namespaces=["/messaging"],
            auth={"token": "bad"},
            transports=["websocket"],
            wait_timeout=5,
        )
