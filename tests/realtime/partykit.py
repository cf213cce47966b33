"""Parties and joined /party sockets for the real-time tests."""

import itertools
import time
import uuid

from watchparty.extensions import db
from watchparty.parties.models import ACTIVE, HOST, PARTICIPANT, Party, PartyParticipant
from watchparty.users.models import User

_codes = itertools.count(1)


class Parties:
    """Create parties and members straight in the database; open joined sockets."""

    def __init__(self, users, sockets) -> None:
        self.users, self.sockets = users, sockets

    def person(self, first_name: str = "Viewer") -> User:
        """A verified user without a password: these tests sign in with tokens (no argon2)."""
        user = User(email=f"{uuid.uuid4().hex[:12]}@example.com", first_name=first_name)
        user.is_verified = True
        db.session.add(user)
        db.session.commit()
        return user

    def create(self, host=None, **fields) -> Party:
        """A party hosted by `host` (created if omitted), the host holding a seat."""
        host = host or self.person("Host")
        fields.setdefault("title", "Movie night")
        party = Party(host_id=host.id, room_code=f"R{next(_codes):07d}", seats_taken=1, **fields)
        db.session.add(party)
        db.session.flush()
        db.session.add(PartyParticipant(party_id=party.id, user_id=host.id, role=HOST))
        db.session.commit()
        return party

    def add(self, party: Party, user=None, role: str = PARTICIPANT, status: str = ACTIVE):
        """A member of `party` (a new user unless given)."""
        user = user or self.person()
        db.session.add(
            PartyParticipant(party_id=party.id, user_id=user.id, role=role, status=status)
        )
        party.seats_taken += 1
        db.session.commit()
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
