"""Interactive fixtures: a party with a host, a moderator, a member and an outsider."""

import pytest

from tests.crowd import make_crowd


@pytest.fixture
def crowd(users, parties):
    """Host, moderator, participant and outsider of one public party."""
    return make_crowd(users, parties)


@pytest.fixture
def joined(sockets):
    """`joined(user, party)`: an /interactive socket that has joined the party's room."""

    def connect(user, party):
        socket = sockets(user, "/interactive")
        ack = socket.call("join", {"party_id": str(party.id)})
        assert ack["ok"] is True, ack
        return socket

    return connect
