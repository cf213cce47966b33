"""Reactions: one emoji at a moment of the video, rate limited, broadcast, and mapped to a
heatmap over the video timeline for analytics."""

import uuid
from datetime import datetime

from flask import current_app
from sqlalchemy import Integer, cast, func, select

from watchparty.common.pagination import paginate
from watchparty.common.realtime import INTERACTIVE_NS
from watchparty.common.types import iso
from watchparty.errors import Conflict, Forbidden
from watchparty.extensions import db
from watchparty.interactive.models import Reaction
from watchparty.live import limits
from watchparty.parties import broadcast
from watchparty.parties.access import get_party, require_member
from watchparty.parties.models import ENDED
from watchparty.users.schemas import dump_brief


def dump_reaction(reaction: Reaction) -> dict:
    """The `reaction` payload (REST and socket alike)."""
    return {
        "id": str(reaction.id),
        "party_id": str(reaction.party_id),
        "user": dump_brief(reaction.user),
        "emoji": reaction.emoji,
        "video_ts": reaction.video_ts,
        "timestamp": reaction.video_ts,
        "created_at": iso(reaction.created_at),
    }


def _check_rate(user_id: uuid.UUID) -> None:
    rate = float(current_app.config["REACTION_RATE"])
    burst = int(current_app.config["REACTION_BURST"])
    limits.take(f"interactive:react:{user_id}", rate, burst, "Slow down: too many reactions.")


def react(party_id: uuid.UUID, user_id: uuid.UUID, emoji: str, video_ts: float) -> dict:
    """Store a member's reaction and broadcast it to the party; returns the payload."""
    party = get_party(party_id)
    require_member(party, user_id)
    if not party.allow_reactions:
        raise Forbidden("Reactions are turned off in this party.", code="reactions_disabled")
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    _check_rate(user_id)
    reaction = Reaction(party_id=party.id, user_id=user_id, emoji=emoji, video_ts=video_ts)
    db.session.add(reaction)
    db.session.commit()
    payload = dump_reaction(reaction)
    broadcast.emit("reaction", payload, party.id, namespace=INTERACTIVE_NS)
    return payload


def list_reactions(
    party_id: uuid.UUID, user_id: uuid.UUID, since: datetime | None, page: int, page_size: int
) -> dict:
    """A member's page of the party's reactions, newest first (optionally after `since`)."""
    require_member(get_party(party_id), user_id)
    stmt = select(Reaction).where(Reaction.party_id == party_id)
    if since is not None:
        stmt = stmt.where(Reaction.created_at > since)
    stmt = stmt.order_by(Reaction.created_at.desc(), Reaction.id.desc())
    return paginate(stmt, page, page_size, lambda rows: [dump_reaction(r) for r in rows])


def _bucket_index(bucket_seconds: int):
    # video_ts >= 0, so truncation is floor; PostgreSQL's CAST rounds, SQLite's truncates.
    ratio = Reaction.video_ts / bucket_seconds
    if db.engine.dialect.name == "postgresql":
        return cast(func.floor(ratio), Integer)
    return cast(ratio, Integer)


def reaction_heatmap(party_id: uuid.UUID, bucket_seconds: int = 10) -> list[dict]:
    """Non-empty buckets of the video timeline: [{start, end, count, top_emoji}] by start."""
    return reaction_heatmap_where(Reaction.party_id == party_id, bucket_seconds)


def reaction_heatmap_where(condition, bucket_seconds: int) -> list[dict]:
    """The heatmap of the reactions matching `condition` (one party, or every party of a video)."""
    index = _bucket_index(bucket_seconds).label("bucket")
    rows = db.session.execute(
        select(index, Reaction.emoji, func.count()).where(condition).group_by(index, Reaction.emoji)
    ).all()
    buckets: dict[int, dict[str, int]] = {}
    for bucket, emoji, count in rows:
        buckets.setdefault(int(bucket), {})[emoji] = count
    return [
        {
            "start": float(i * bucket_seconds),
            "end": float((i + 1) * bucket_seconds),
            "count": sum(counts.values()),
            "top_emoji": min(counts, key=lambda e: (-counts[e], e)),
        }
        for i, counts in sorted(buckets.items())
    ]


def heatmap(party_id: uuid.UUID, user_id: uuid.UUID, bucket_seconds: int) -> dict:
    """A member's view of the party's reaction heatmap."""
    require_member(get_party(party_id), user_id)
    buckets = reaction_heatmap(party_id, bucket_seconds)
    total = sum(b["count"] for b in buckets)
    return {
        "party_id": str(party_id),
        "bucket_seconds": bucket_seconds,
        "total": total,
        "buckets": buckets,
    }
