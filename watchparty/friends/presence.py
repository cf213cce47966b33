"""Friends' presence across the site: online, watching "<party>", away or offline, last seen.

The live store says which connections a user holds (`live.online`); this module decides what
one friend may see of it: nothing when the friend hides their online status (privacy setting
`show_online_status`), and a party's title only when the party is public or the viewer is in
it too. Changes go out live on `/people` to each friend's own room.
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from watchparty.common.realtime import PEOPLE_NS, user_room
from watchparty.extensions import db, socketio
from watchparty.friends import service
from watchparty.friends.schemas import PresenceSchema
from watchparty.live import online
from watchparty.parties.access import active_member
from watchparty.parties.models import ENDED, Party
from watchparty.users import settings
from watchparty.users.models import User


def _hidden(user: User) -> bool:
    return not settings.current(user, "privacy")["show_online_status"]


def _when(ms) -> datetime | None:
    return datetime.fromtimestamp(ms / 1000, UTC) if ms else None


def _watching(viewer_id: uuid.UUID, party_ids: list[str]) -> dict | None:
    """The first party of `party_ids` the viewer may see the friend in, as {id, title}."""
    for party_id in party_ids:
        party = db.session.get(Party, uuid.UUID(party_id))
        if party is None or party.status == ENDED:
            continue
        if party.is_public or active_member(party, viewer_id) is not None:
            return {"id": party.id, "title": party.title}
    return None


def seen_by(viewer_id: uuid.UUID, friend: User, state: dict | None = None) -> dict:
    """What `viewer_id` sees of `friend`'s presence (hidden users look offline, never seen)."""
    if _hidden(friend):
        return {"user": friend, "status": online.OFFLINE, "last_seen": None, "watching": None}
    state = state or online.state(friend.id)
    watching = _watching(viewer_id, state["party_ids"]) if state["party_ids"] else None
    return {
        "user": friend,
        "status": state["status"],
        "last_seen": _when(state["last_seen"]),
        "watching": watching,
    }


def friends_status(user: User) -> dict:
    """`/api/users/online-status/`: each friend's presence, online ones first."""
    ids = service.friend_ids(user.id)
    people = db.session.scalars(select(User).where(User.id.in_(ids))) if ids else []
    rows = [seen_by(user.id, friend) for friend in people]
    order = {online.ONLINE: 0, online.AWAY: 1, online.OFFLINE: 2}
    rows.sort(key=lambda row: (order[row["status"]], (row["user"].display_name or "").lower()))
    counted = sum(1 for row in rows if row["status"] != online.OFFLINE)
    return {"friends": rows, "online_count": counted, "total": len(rows)}


def announce(user_id: uuid.UUID, state: dict) -> None:
    """Tell each friend, on their own `/people` room, what they may see of the change."""
    user = db.session.get(User, user_id)
    if user is not None and not _hidden(user):
        _tell_friends(user, state)


def _tell_friends(user: User, state: dict | None) -> None:
    schema = PresenceSchema()
    for friend_id in service.friend_ids(user.id):
        body = schema.dump(seen_by(friend_id, user, state)) | {"user_id": str(user.id)}
        socketio.emit("presence", body, namespace=PEOPLE_NS, to=user_room(friend_id))


def privacy_changed(user: User, kind: str, before: dict, after: dict) -> None:
    """Hiding or showing one's online status reaches friends live (offline, or the real state)."""
    if kind == "privacy" and before["show_online_status"] != after["show_online_status"]:
        _tell_friends(user, None)
