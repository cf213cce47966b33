"""Parties and joined /party sockets for the real-time tests."""

import time

from tests.factories import PartyFactory, person
from watchparty.extensions import db
from watchparty.parties.models import PARTICIPANT, Party
from watchparty.users.models import User


class Parties:
    """Create parties and members straight in the database; open joined sockets."""

    def __init__(self, users, sockets) -> None:
        self.users, self.sockets = users, sockets
        self.factory = PartyFactory()

    def person(self, first_name: str = "Viewer") -> User:
        """A verified user without a password (these tests sign in with tokens)."""
        return person(first_name)

    def create(self, host=None, **fields) -> Party:
        """A party hosted (and joined) by `host`, created if omitted."""
        return self.factory.create(host or self.person("Host"), **fields)

    def add(self, party: Party, user=None, role: str = PARTICIPANT):
        """A member of `party` (a new user unless given); returns the user."""
        user = user or self.person()
        self.factory.add(party, user, role)
        return user

    def join(self, user, party: Party):
        """A /party socket of `user` that has joined `party`: (socket, ack)."""
        socket = self.sockets(user, "/party")
        ack = socket.call("join", {"party_id": str(party.id)})
        assert ack["ok"], ack
        return socket, ack

    def host(self, party: Party):
        """The host's joined socket."""
        return self.join(db.session.get(Party, party.id).host, party)[0]


def position_at(state: dict, t_ms: float) -> float:
    """The protocol's extrapolation, as a client computes it."""
    if not state["playing"] or t_ms <= state["at"]:
        return state["position"]
    return state["position"] + (t_ms - state["at"]) / 1000 * state["rate"]


def control(socket, party: Party, action: str, **fields) -> dict:
    """Send a control command and return its (successful) ack."""
    ack = socket.call("control", {"party_id": str(party.id), "action": action, **fields})
    assert ack["ok"], ack
    return ack


def state_with(socket, seq: int, timeout: float = 5) -> dict:
    """The broadcast `state` with this seq."""
    return socket.wait_for("state", lambda s: s["seq"] == seq, timeout=timeout)


def until(check, timeout: float = 5, step: float = 0.02):
    """Poll `check()` until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(step)
    raise AssertionError("condition not met in time")
