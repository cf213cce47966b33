"""What the friends domain tells people through notifications: requests, acceptances, and a
friend's public party going live (fanned out by friends.tasks, never in the request)."""

import uuid

from watchparty.common.notify import notify, notify_many
from watchparty.extensions import db
from watchparty.friends.models import FriendLink
from watchparty.parties.models import PUBLIC, Party
from watchparty.users.models import User


def requested(sender: User, target: User, link: FriendLink) -> None:
    """The addressee hears of a new friend request."""
    notify(
        target.id,
        "friend_request",
        "New friend request",
        f"{sender.full_name} sent you a friend request",
        data={"request_id": str(link.id), "sender_id": str(sender.id)},
        actor_id=sender.id,
        collapse_key=f"friend_request:{sender.id}",
    )


def accepted(link: FriendLink) -> None:
    """The requester hears that their request was accepted."""
    friend = db.session.get(User, link.recipient_id)
    notify(
        link.requester_id,
        "friend_accepted",
        "Friend request accepted",
        f"{friend.full_name} accepted your friend request",
        data={"request_id": str(link.id), "user_id": str(friend.id)},
        actor_id=friend.id,
        collapse_key=f"friend_accepted:{friend.id}",
    )


def tell_friends(party_id: uuid.UUID) -> None:
    """Tell each friend of the host that the public party is live (a block ends a friendship,
    so no friend is blocked either way)."""
    from watchparty.friends.service import friend_ids  # service raises the other notices

    party = db.session.get(Party, party_id)
    if party is None or party.deleted_at is not None or party.visibility != PUBLIC:
        return
    host = db.session.get(User, party.host_id)
    notify_many(
        friend_ids(host.id),
        "friend_party_started",
        "A friend started a party",
        f"{host.full_name} started “{party.title}”",
        data={"party_id": str(party.id), "host_id": str(host.id), "room_code": party.room_code},
        actor_id=host.id,
        collapse_key=f"friend_party_started:{party.id}",
    )
