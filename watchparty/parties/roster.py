"""The member list of a join snapshot, built straight from rows.

Every `join` carries the whole member list, so a room of N viewers that (re)connects at once
builds it N times. Through the ORM and marshmallow that cost ~100 ms per join at N = 1,000
(user rows carry five JSON columns; each member is a nested schema dump), which starved
everything else on the process for minutes. This builds the same `PartyParticipant` dicts
(tests/parties/test_roster.py checks them against ParticipantSchema) from one column query.
"""

import uuid

from sqlalchemy import select

from watchparty.common.types import iso
from watchparty.extensions import db
from watchparty.parties.models import ACTIVE, HOST, MODERATOR, PartyParticipant
from watchparty.users.models import User, name_of
from watchparty.users.schemas import avatar_url_of

_ROLE_ORDER = {HOST: 0, MODERATOR: 1}
_COLUMNS = (
    PartyParticipant.role,
    PartyParticipant.status,
    PartyParticipant.joined_at,
    PartyParticipant.watch_seconds,
    User.id,
    User.first_name,
    User.last_name,
    User.display_name,
    User.email,
    User.avatar,
)


def members(party_id: uuid.UUID, online: dict[str, dict]) -> list[dict]:
    """Active members (host, moderators, then by join time) with presence and drift."""
    rows = db.session.execute(
        select(*_COLUMNS)
        .join(User, User.id == PartyParticipant.user_id)
        .where(PartyParticipant.party_id == party_id, PartyParticipant.status == ACTIVE)
        .order_by(PartyParticipant.joined_at, PartyParticipant.id)
    ).all()
    rows.sort(key=lambda r: _ROLE_ORDER.get(r.role, 2))
    return [_member(row, online.get(str(row.id))) for row in rows]


def _member(row, entry: dict | None) -> dict:
    drift = entry.get("drift_ms") if entry else None
    return {
        "user": {
            "id": str(row.id),
            "name": name_of(row.first_name, row.last_name, row.display_name, row.email),
            "display_name": row.display_name,
            "avatar": avatar_url_of(row.avatar),
        },
        "role": row.role,
        "status": row.status,
        "joined_at": iso(row.joined_at),
        "is_online": entry is not None,
        "drift_ms": float(drift) if drift is not None else None,
        "watch_seconds": row.watch_seconds or 0,
    }
