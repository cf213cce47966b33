"""Chat fixtures: parties built directly (Party + membership.join) and a ready-made room."""

import uuid
from types import SimpleNamespace

import pytest

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.parties import membership
from watchparty.parties.admission import Grant
from watchparty.parties.models import MODERATOR, PARTICIPANT, Party
from watchparty.users.models import User


class PartyFactory:
    """Parties with a host, and members added through the real membership service."""

    def create(self, host, **fields) -> Party:
        """A stored party hosted (and joined) by `host`."""
        fields.setdefault("title", "Movie night")
        party = Party(host_id=host.id, room_code=uuid.uuid4().hex[:10].upper(), **fields)
        db.session.add(party)
        db.session.commit()
        membership.join(party, host.id)
        return party

    def add(self, party: Party, user, role: str = PARTICIPANT):
        """Make `user` an active member with `role` (as if the host had invited them)."""
        row = membership.join(party, user.id, grant=Grant(issued_at=utcnow(), trusted=True))
        row.role = role
        db.session.commit()
        return row


@pytest.fixture
def parties(app):
    """The party factory."""
    return PartyFactory()


def person(first_name: str) -> User:
    """A verified user without a password: chat tests sign in with tokens, so skip argon2."""
    user = User(email=f"{uuid.uuid4().hex[:12]}@example.com", first_name=first_name)
    user.is_verified = True
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def chat(users, parties):
    """A party with a host, a moderator, a participant and an outsider (and their headers)."""
    host, mod, member, outsider = (person(name) for name in ("Hana", "Moe", "Mia", "Otto"))
    party = parties.create(host)
    parties.add(party, mod, MODERATOR)
    parties.add(party, member)
    return SimpleNamespace(
        party=party,
        pid=str(party.id),
        host=host,
        mod=mod,
        member=member,
        outsider=outsider,
        headers={u: users.session_headers(u) for u in (host, mod, member, outsider)},
    )


@pytest.fixture
def joined(sockets, chat):
    """Open a /chat socket for a user and join the party's chat room."""

    def open_joined(user):
        socket = sockets(user, "/chat")
        ack = socket.call("join", {"party_id": chat.pid})
        assert ack["ok"], ack
        return socket

    return open_joined
