"""Party analytics for hosts and moderators: members, presence, drift, watch time, activity."""

import uuid
from collections.abc import Callable

from sqlalchemy import func, select, update

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.live import presence
from watchparty.parties.access import get_party, require_moderator
from watchparty.parties.models import ACTIVE, Party, PartyParticipant
from watchparty.parties.schemas import active_rows, member_views

# Figures domains built on parties add to its analytics ("messages" from chat, "reactions"
# from interactive); registered from their hooks.py, None while a domain is absent.
FIGURES = ("messages", "reactions")
figures: dict[str, Callable[[uuid.UUID], object]] = {}


def register_figure(name: str, fn: Callable[[uuid.UUID], object]) -> None:
    """Let another domain report one of FIGURES for a party."""
    if name not in FIGURES:
        raise ValueError(f"unknown party figure {name!r}")
    figures[name] = fn


def _figure(name: str, party_id: uuid.UUID):
    fn = figures.get(name)
    return fn(party_id) if fn else None


def _live_watch_seconds(party: Party, row: PartyParticipant, now) -> int:
    """Stored watch time plus the running stretch of an active member of a live party."""
    extra = 0
    if row.status == ACTIVE and party.started_at is not None and party.ended_at is None:
        extra = int((now - max(party.started_at, row.joined_at)).total_seconds())
    return (row.watch_seconds or 0) + max(0, extra)


def analytics(user, party_id: uuid.UUID) -> dict:
    """Totals, per-participant drift and watch time, chat and reaction activity."""
    party = get_party(party_id)
    require_moderator(party, user.id)
    online = presence.online_users(party.id)
    rows = active_rows(party.id)
    now = utcnow()
    participants = [
        member | {"watch_seconds": _live_watch_seconds(party, row, now)}
        for member, row in zip(member_views(rows, party.id, online), rows, strict=True)
    ]
    drifts = [abs(p["drift_ms"]) for p in participants if p["drift_ms"] is not None]
    ever = db.session.scalar(
        select(func.count())
        .select_from(PartyParticipant)
        .where(PartyParticipant.party_id == party.id, PartyParticipant.status != "pending")
    )
    ended = party.ended_at or now
    return {
        "party_id": str(party.id),
        "status": party.status,
        "members": len(rows),
        "total_joined": ever or 0,
        "online_count": len(online),
        "peak_online": max(party.peak_online or 0, len(online)),
        "duration_seconds": int((ended - party.started_at).total_seconds())
        if party.started_at
        else 0,
        "total_watch_seconds": sum(p["watch_seconds"] for p in participants),
        "max_drift_ms": max(drifts) if drifts else None,
        "messages": _figure("messages", party.id),
        "reactions": _figure("reactions", party.id),
        "participants": participants,
    }


def update_analytics(user, party_id: uuid.UUID) -> dict:
    """Record the current online count as the peak if it is higher. Commits."""
    party = get_party(party_id)
    require_moderator(party, user.id)
    online = presence.online_count(party.id)
    # Conditional UPDATE: two recorders at once never lower the peak.
    db.session.execute(
        update(Party)
        .where(Party.id == party.id, Party.peak_online < online)
        .values(peak_online=online)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    db.session.refresh(party)
    return {
        "success": True,
        "message": "Analytics updated.",
        "online_count": online,
        "peak_online": party.peak_online,
    }
