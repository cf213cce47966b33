"""Chat fixtures: a ready-made room (host, moderator, participant, outsider) and joined sockets."""

from types import SimpleNamespace

import pytest

from tests.factories import person
from watchparty.parties.models import MODERATOR


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
