"""Socket events REST actions cause: `kicked` to the removed user, `participants`, `ended`."""

import time

import pytest

from tests.parties.helpers import create_party


@pytest.fixture
def party_with_guest(client, users, me):
    """A public party, a joined guest, and both connected to /party and joined to its room."""

    def build(sockets):
        _, host = me
        party = create_party(client, host)
        guest = users.create()
        client.post(f"/api/parties/{party['id']}/join/", headers=users.session_headers(guest))
        host_socket, guest_socket = sockets(me[0], "/party"), sockets(guest, "/party")
        for socket in (host_socket, guest_socket):
            ack = socket.call("join", {"party_id": party["id"]})
            assert ack["ok"] is True, ack
        return party, guest, host_socket, guest_socket

    return build


def test_kicked_user_is_told_and_disconnected_and_the_room_updated(
    client, me, sockets, party_with_guest
):
    party, guest, host_socket, guest_socket = party_with_guest(sockets)
    url = f"/api/parties/{party['id']}/participants/{guest.id}/kick/"
    response = client.post(url, json={"reason": "spoilers"}, headers=me[1])
    assert response.status_code == 200
    kicked = guest_socket.wait_for("kicked")
    assert kicked == {"party_id": party["id"], "reason": "spoilers", "action": "kick"}
    assert guest_socket.closed_by_server()
    update = host_socket.wait_for(
        "participants", lambda p: all(m["user"]["id"] != str(guest.id) for m in p["participants"])
    )
    assert update["party_id"] == party["id"]
    assert [m["role"] for m in update["participants"]] == ["host"]


def test_promotion_broadcasts_participants_with_presence(client, me, sockets, party_with_guest):
    party, guest, host_socket, _ = party_with_guest(sockets)
    url = f"/api/parties/{party['id']}/participants/{guest.id}/promote/"
    assert client.post(url, headers=me[1]).status_code == 200
    update = host_socket.wait_for(
        "participants",
        lambda p: any(m["role"] == "moderator" for m in p["participants"]),
    )
    roles = {m["user"]["id"]: (m["role"], m["is_online"]) for m in update["participants"]}
    assert roles[str(guest.id)] == ("moderator", True)
    body = client.get(f"/api/parties/{party['id']}/participants/", headers=me[1]).get_json()
    assert body["online_count"] == 2


def test_ending_the_party_tells_everyone(client, me, sockets, party_with_guest):
    party, _, host_socket, guest_socket = party_with_guest(sockets)
    assert client.post(f"/api/parties/{party['id']}/end/", headers=me[1]).status_code == 200
    for socket in (host_socket, guest_socket):
        assert socket.wait_for("ended") == {"party_id": party["id"]}


def test_kicked_user_leaves_the_party_chat_room_too(client, me, sockets, party_with_guest):
    party, guest, _, _ = party_with_guest(sockets)
    host_chat, guest_chat = sockets(me[0], "/chat"), sockets(guest, "/chat")
    for socket in (host_chat, guest_chat):
        assert socket.call("join", {"party_id": party["id"]})["ok"] is True
    url = f"/api/parties/{party['id']}/participants/{guest.id}/kick/"
    assert client.post(url, headers=me[1]).status_code == 200
    assert guest_chat.wait_for("removed") == {"party_id": party["id"]}
    ack = host_chat.call("send", {"party_id": party["id"], "text": "after", "client_id": "c1"})
    assert ack["ok"] is True
    host_chat.wait_for("message", lambda m: m["text"] == "after")
    time.sleep(0.3)  # the broadcast reached the host; give the guest's copy the same chance
    assert [m for m in guest_chat.received("message") if m["text"] == "after"] == []
