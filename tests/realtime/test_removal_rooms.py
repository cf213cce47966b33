"""Leaving, a kick or a ban takes the user's connections out of the party's rooms on every
namespace: no more reactions or polls on /interactive, no more chat on /chat."""

import time

import pytest

from tests.parties.helpers import create_party


@pytest.fixture
def guest_everywhere(client, users, me, sockets):
    """A public party, a joined guest with /interactive and /chat sockets in its rooms, and
    the host's /interactive socket."""
    party = create_party(client, me[1])
    guest = users.create()
    headers = users.session_headers(guest)
    assert client.post(f"/api/parties/{party['id']}/join/", headers=headers).status_code == 200
    joined = {}
    for user, namespace in ((guest, "/interactive"), (guest, "/chat"), (me[0], "/interactive")):
        socket = sockets(user, namespace)
        assert socket.call("join", {"party_id": party["id"]})["ok"] is True
        joined[(user.id, namespace)] = socket
    return party, guest, headers, joined


def _react(socket, party) -> None:
    body = {"party_id": party["id"], "emoji": "🎉", "video_ts": 1}
    assert socket.call("react", body)["ok"] is True


def _still_hears(socket, host_socket, party) -> bool:
    """Whether `socket` receives a reaction the host sends now."""
    socket.clear()
    _react(host_socket, party)
    host_socket.wait_for("reaction")
    time.sleep(0.3)  # the host heard it: a room member would have too
    return bool(socket.received("reaction"))


@pytest.mark.parametrize("action", ["kick", "ban"])
def test_a_removed_member_stops_receiving_reactions(client, me, guest_everywhere, action):
    party, guest, _, joined = guest_everywhere
    host_socket, guest_socket = (
        joined[(me[0].id, "/interactive")],
        joined[(guest.id, "/interactive")],
    )
    assert _still_hears(guest_socket, host_socket, party)
    url = f"/api/parties/{party['id']}/participants/{guest.id}/{action}/"
    assert client.post(url, json={}, headers=me[1]).status_code == 200
    assert not _still_hears(guest_socket, host_socket, party)


def test_a_member_who_leaves_stops_receiving_reactions(client, me, guest_everywhere):
    party, guest, headers, joined = guest_everywhere
    host_socket, guest_socket = (
        joined[(me[0].id, "/interactive")],
        joined[(guest.id, "/interactive")],
    )
    assert client.post(f"/api/parties/{party['id']}/leave/", headers=headers).status_code == 200
    assert not _still_hears(guest_socket, host_socket, party)
