"""Friendships made straight in the database, for the presence tests."""

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.friends.models import ACCEPTED, FriendLink


def befriend(a, b) -> None:
    """Make `a` and `b` friends (one accepted link)."""
    low, high = sorted((a.id, b.id))
    db.session.add(
        FriendLink(
            low_id=low, high_id=high, requester_id=a.id, status=ACCEPTED, accepted_at=utcnow()
        )
    )
    db.session.commit()


def status_of(client, users, viewer, friend) -> dict:
    """`friend`'s row in `viewer`'s online-status list."""
    body = client.get("/api/users/online-status/", headers=users.session_headers(viewer)).get_json()
    return next(row for row in body["friends"] if row["user"]["id"] == str(friend.id))
