"""Finding parties: the caller's list, recent, public, trending, recommended and search."""

import uuid
from datetime import timedelta

from sqlalchemy import and_, case, func, select

from watchparty.common.pagination import page_dict, paginate
from watchparty.common.search import any_contains
from watchparty.common.shown import Shown
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.live import presence
from watchparty.parties.models import ACTIVE, ENDED, PRIVATE, PUBLIC, Party, PartyParticipant
from watchparty.parties.service import visible_to

TRENDING_CANDIDATES = 200
TRENDING_WINDOW = timedelta(hours=24)


def _filters(query: dict) -> list:
    """SQL conditions for the list filters present in `query`."""
    conditions = []
    if query.get("status"):
        conditions.append(Party.status == query["status"])
    if query.get("visibility"):
        conditions.append(Party.visibility == query["visibility"])
    if query.get("is_public") is not None:
        conditions.append(Party.visibility == (PUBLIC if query["is_public"] else PRIVATE))
    if query.get("host"):
        conditions.append(Party.host_id == query["host"])
    if query.get("category"):
        conditions.append(func.lower(Party.category) == query["category"].lower())
    text = (query.get("search") or query.get("q") or "").strip()
    if text:
        conditions.append(any_contains((Party.title, Party.description), text))
    return conditions


def _page(stmt, query: dict) -> dict:
    return paginate(stmt, query["page"], query["page_size"])


def list_parties(user_id: uuid.UUID | None, query: dict) -> dict:
    """Parties the caller may see (public ones and their own), filtered, newest first."""
    stmt = (
        select(Party)
        .where(visible_to(user_id), *_filters(query))
        .order_by(Party.created_at.desc(), Party.id)
    )
    return _page(stmt, query)


def public_parties(query: dict) -> dict:
    """Public parties that have not ended: live first, then the soonest scheduled."""
    live_first = case((Party.status == "live", 0), else_=1)
    stmt = (
        select(Party)
        .where(
            Party.visibility == PUBLIC,
            Party.hidden.is_(False),
            Party.deleted_at.is_(None),
            Party.status != ENDED,
        )
        .where(*_filters(query))
        .order_by(live_first, Party.created_at.desc(), Party.id)
    )
    return _page(stmt, query)


def recent_parties(user_id: uuid.UUID, query: dict) -> dict:
    """Parties the user hosted or joined, the latest joined first."""
    stmt = (
        select(Party)
        .join(PartyParticipant, PartyParticipant.party_id == Party.id)
        .where(
            PartyParticipant.user_id == user_id,
            PartyParticipant.status != "pending",
            Party.deleted_at.is_(None),
        )
        .order_by(PartyParticipant.joined_at.desc(), Party.id)
    )
    return _page(stmt, query)


def search_parties(user_id: uuid.UUID | None, query: dict) -> dict:
    """Parties whose title or description contains `q`, among those the caller may see."""
    return list_parties(user_id, query)


def trending(query: dict) -> dict:
    """Public, unfinished parties ranked by people online now, then by joins in the last day."""
    since = utcnow() - TRENDING_WINDOW
    recent_joins = (
        select(func.count())
        .where(
            PartyParticipant.party_id == Party.id,
            PartyParticipant.joined_at >= since,
            PartyParticipant.status == ACTIVE,
        )
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(Party, recent_joins)
        .where(
            Party.visibility == PUBLIC,
            Party.hidden.is_(False),
            Party.deleted_at.is_(None),
            Party.status != ENDED,
        )
        .order_by(recent_joins.desc(), Party.created_at.desc())
        .limit(TRENDING_CANDIDATES)
    ).all()
    scored = [(presence.online_count(party.id), joins, party) for party, joins in rows]
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    start = (query["page"] - 1) * query["page_size"]
    chosen = scored[start : start + query["page_size"]]
    results = [Shown(p, online_now=online, recent_joins=joins) for online, joins, p in chosen]
    return page_dict(results, len(scored), query["page"], query["page_size"])


def recommendations(user_id: uuid.UUID, query: dict) -> dict:
    """Public parties the user is not in, preferring categories and hosts of their past ones."""
    past = (
        select(Party.category, Party.host_id)
        .join(PartyParticipant, PartyParticipant.party_id == Party.id)
        .where(PartyParticipant.user_id == user_id)
    )
    rows = db.session.execute(past).all()
    categories = {c.lower() for c, _ in rows if c}
    hosts = {h for _, h in rows if h != user_id}
    mine = select(PartyParticipant.party_id).where(PartyParticipant.user_id == user_id)
    score = case((func.lower(Party.category).in_(sorted(categories) or [""]), 2), else_=0) + case(
        (Party.host_id.in_(list(hosts) or [user_id]), 1), else_=0
    )
    stmt = (
        select(Party)
        .where(
            and_(
                Party.visibility == PUBLIC,
                Party.hidden.is_(False),
                Party.deleted_at.is_(None),
                Party.status != ENDED,
            ),
            Party.host_id != user_id,
            Party.id.not_in(mine),
        )
        .order_by(score.desc(), Party.created_at.desc(), Party.id)
    )
    return _page(stmt, query)
