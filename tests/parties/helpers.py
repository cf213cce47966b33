"""Helpers for party tests: parties made through the API, many users made cheaply."""

import itertools

from watchparty.extensions import db
from watchparty.users.models import User
from watchparty.users.passwords import hash_password

_seq = itertools.count(1)
_hash: list[str] = []


def create_party(client, headers, **fields) -> dict:
    """A party created over REST by the owner of `headers`; returns its JSON."""
    body = {"title": "Movie night", "visibility": "public"} | fields
    response = client.post("/api/parties/", json=body, headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def many_users(count: int) -> list[User]:
    """`count` stored users sharing one password hash (hashing each would take minutes)."""
    if not _hash:
        _hash.append(hash_password("Sturdy-Passw0rd!"))
    rows = []
    for _ in range(count):
        n = next(_seq)
        rows.append(
            User(
                email=f"crowd{n}@example.com",
                password_hash=_hash[0],
                first_name=f"Crowd{n}",
                last_name="Member",
                is_verified=True,
            )
        )
    db.session.add_all(rows)
    db.session.commit()
    return rows
