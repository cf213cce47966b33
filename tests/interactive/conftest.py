"""Factories for interactive tests: parties with members, created directly (not over REST)."""

import itertools
from dataclasses import dataclass

import pytest

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.parties import membership
from watchparty.parties.admission import Grant
from watchparty.parties.models import MODERATOR, PUBLIC, Party

_codes = itertools.count(1)


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
def make_party(users):
    """`make_party(host, **fields)`: a stored party whose host has joined."""

    def make(host, **fields) -> Party:
        fields.setdefault("title", "Movie night")
        fields.setdefault("visibility", PUBLIC)
        party = Party(host_id=host.id, room_code=f"R{next(_codes):07d}", **fields)
        db.session.add(party)
        db.session.commit()
        membership.join(party, host.id)
        return party

    return make


@pytest.fixture
def add_member():
    """`add_member(party, user, role=None)`: join the user (and promote when a role is given)."""

    def add(party, user, role=None):
        row = membership.join(party, user.id, grant=Grant(issued_at=utcnow(), trusted=True))
        if role:
            row.role = role
            db.session.commit()
        return row

    return add


@pytest.fixture
def crowd(users, make_party, add_member):
    """Host, moderator, participant and outsider of one party."""
    host, mod, member, outsider = (users.create() for _ in range(4))
    party = make_party(host)
    add_member(party, mod, MODERATOR)
    add_member(party, member)
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
