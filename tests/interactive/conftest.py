"""Interactive fixtures: a party with a host, a moderator, a member and an outsider."""

from dataclasses import dataclass

import pytest

from watchparty.parties.models import MODERATOR, PUBLIC, Party


@dataclass
class Crowd:
    """A party with a host, a moderator, a participant and an outsider, and their headers."""

    party: Party
    host: object
    mod: object
    member: object
    outsider: object
    headers: dict

    def url(self, tail: str) -> str:
        """/api/interactive/parties/<id>/<tail>"""
        return f"/api/interactive/parties/{self.party.id}/{tail}"


@pytest.fixture
def crowd(users, parties):
    """Host, moderator, participant and outsider of one party."""
    host, mod, member, outsider = (users.create() for _ in range(4))
    party = parties.create(host, visibility=PUBLIC)
    parties.add(party, mod, MODERATOR)
    parties.add(party, member)
    headers = {u.id: users.session_headers(u) for u in (host, mod, member, outsider)}
    return Crowd(party, host, mod, member, outsider, headers)


@pytest.fixture
def joined(sockets):
    """`joined(user, party)`: an /interactive socket that has joined the party's room."""

    def connect(user, party):
        socket = sockets(user, "/interactive")
        ack = socket.call("join", {"party_id": str(party.id)})
        assert ack["ok"] is True, ack
        return socket

    return connect
