"""Factories: users with known passwords (signed in through the real API), parties and their
members, chat messages. Video rows and real HLS ladders are in tests/videos/factories.py."""

import functools
import itertools
import uuid
from datetime import timedelta

from watchparty.auth.tokens import start_session
from watchparty.chat.models import ChatMessage
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.parties import membership
from watchparty.parties.admission import Grant
from watchparty.parties.models import Party, PartyParticipant
from watchparty.users.models import User
from watchparty.users.passwords import hash_password

PASSWORD = "Sturdy-Passw0rd!"
_seq = itertools.count(1)


@functools.cache
def _hash_of(password: str) -> str:
    """One argon2 hash per distinct password for the whole run: hashing costs ~0.1 s of CPU,
    and a hash made once verifies for every user that shares it."""
    return hash_password(password)


class UserFactory:
    """Create users directly in the database and sign them in over HTTP."""

    def __init__(self, app) -> None:
        self.app = app

    def create(self, email: str | None = None, password: str = PASSWORD, **fields) -> User:
        """A stored, verified, active user."""
        n = next(_seq)
        fields.setdefault("first_name", f"User{n}")
        fields.setdefault("last_name", "Tester")
        fields.setdefault("is_verified", True)
        user = User(
            email=email or f"user{n}@example.com", password_hash=_hash_of(password), **fields
        )
        db.session.add(user)
        db.session.commit()
        return user

    def login(self, user: User, password: str = PASSWORD, client=None) -> dict:
        """Sign in over the API; returns the login response body."""
        client = client or self.app.test_client()
        response = client.post("/api/auth/login/", json={"email": user.email, "password": password})
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    def session(self, user: User) -> dict:
        """Tokens of a new session opened through the real token service (no HTTP round trip)."""
        with self.app.test_request_context("/api/auth/login/"):
            tokens = start_session(user)
            db.session.commit()
        return tokens

    def session_headers(self, user: User) -> dict:
        """Authorization headers of a new session opened directly."""
        return {"Authorization": f"Bearer {self.session(user)['access_token']}"}

    def headers(self, user: User, password: str = PASSWORD) -> dict:
        """Authorization headers for a freshly signed-in `user`."""
        return {"Authorization": f"Bearer {self.login(user, password)['access_token']}"}

    def admin(self, **fields) -> User:
        """A staff user."""
        return self.create(is_staff=True, **fields)

    def moderator(self, **fields) -> User:
        """A moderator: acts on reports, manages nothing else."""
        return self.create(is_moderator=True, **fields)

    def superuser(self, **fields) -> User:
        """A superuser: also manages staff."""
        return self.create(is_superuser=True, **fields)


def person(first_name: str = "Viewer") -> User:
    """A verified user without a password, for tests that sign in with tokens (no argon2)."""
    user = User(email=f"{uuid.uuid4().hex[:12]}@example.com", first_name=first_name)
    user.is_verified = True
    db.session.add(user)
    db.session.commit()
    return user


def room_code() -> str:
    """A unique room code (the real generator's alphabet is not needed here)."""
    return "T" + uuid.uuid4().hex[:9].upper()


class PartyFactory:
    """Parties stored directly (not over REST); members join through the membership service."""

    def create(self, host, *, join_host: bool = True, **fields) -> Party:
        """A stored party hosted by `host`, who has joined it unless `join_host` is False."""
        fields.setdefault("title", "Movie night")
        fields.setdefault("room_code", room_code())
        status = fields.pop("status", None)  # set once the host joined (no one joins an ended one)
        party = Party(host_id=host.id, **fields)
        db.session.add(party)
        db.session.commit()
        if join_host:
            membership.join(party, host.id)
        if status:
            party.status = status
            db.session.commit()
        return party

    def add(self, party: Party, user, role: str | None = None) -> PartyParticipant:
        """Make `user` an active member (as if invited), with `role` when given."""
        row = membership.join(party, user.id, grant=Grant(issued_at=utcnow(), trusted=True))
        if role:
            row.role = role
            db.session.commit()
        return row


def chat_messages(party: Party, user, count: int, start=None) -> list[ChatMessage]:
    """`count` stored chat messages by `user` ("m0", "m1", ...), one minute apart, oldest first."""
    start = start or utcnow() - timedelta(hours=1)
    rows = [
        ChatMessage(
            party_id=party.id,
            user_id=user.id,
            text=f"m{n}",
            created_at=start + timedelta(minutes=n),
        )
        for n in range(count)
    ]
    db.session.add_all(rows)
    db.session.commit()
    return rows
