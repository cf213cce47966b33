"""Who is in a party right now, as the chat shows it (from /party presence)."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from watchparty.extensions import db
from watchparty.live import presence
from watchparty.parties.access import get_party, require_member
from watchparty.users.models import User
from watchparty.users.schemas import dump_brief


def _seen(entry: dict) -> datetime:
    ms = entry.get("last_seen") or entry.get("since") or 0
    return datetime.fromtimestamp(ms / 1000, UTC)


def active_users(party_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """Members connected to the party now, most recently seen first (members only)."""
    party = get_party(party_id)
    require_member(party, user_id)
    online = presence.online_users(party.id)
    ids = [uuid.UUID(key) for key in online]
    people = db.session.scalars(select(User).where(User.id.in_(ids))).all() if ids else []
    rows = [
        {
            **dump_brief(user),
            "id": str(user.id),
            "username": user.display_name or user.full_name,
            "last_seen": _seen(online[str(user.id)]),
        }
        for user in people
    ]
    rows.sort(key=lambda row: row["last_seen"], reverse=True)
    return {"active_users": rows, "total_active": len(rows)}
