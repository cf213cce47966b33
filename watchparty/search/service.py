"""Global search and autocomplete over the index, each kind filtered by its own access rules,
ranked by text relevance boosted by popularity and recency."""

import math

from sqlalchemy import select

from watchparty.common.shown import Shown
from watchparty.extensions import db
from watchparty.feed.access import entitled_tier_ids, sees_body
from watchparty.search import engine, sources
from watchparty.search.documents import object_id
from watchparty.search.models import SearchDocument as D

# Ranked candidates read per kind; counts and pages are exact up to this many matches.
CANDIDATES = 300
DURATIONS = (("short", 0, 240), ("medium", 240, 1200), ("long", 1200, math.inf))


def _duration_name(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return next(name for name, low, high in DURATIONS if low <= seconds < high)


def _filtered(kind: str, obj, filters: dict) -> bool:
    category = filters.get("category")
    if category and kind in ("video", "party") and (obj.category or "").lower() != category.lower():
        return False
    if filters.get("duration") and kind == "video":
        return _duration_name(obj.duration) == filters["duration"]
    return True


def hits(kind: str, q: str, viewer, filters: dict | None = None) -> list:
    """Every match of `q` of one kind the viewer may find, best first: (score, object)."""
    model, scope, popularity = sources.KINDS[kind]
    engine.prepare()
    stmt, rank = engine.match(select(model).select_from(D).where(D.kind == kind), q)
    stmt = scope(stmt, viewer).add_columns(rank, popularity(), D.created_at)
    rows = stmt.order_by(rank.desc()).limit(CANDIDATES)
    found = [
        (engine.boost(r, pop, created), obj)
        for obj, r, pop, created in db.session.execute(rows).all()
        if sources.allowed(kind, obj, viewer) and _filtered(kind, obj, filters or {})
    ]
    return sorted(found, key=lambda hit: hit[0], reverse=True)


def _shown(kind: str, score: float, obj, viewer, tiers: set):
    extra = {"score": round(score, 6)}
    if kind == "post":
        extra["locked"] = not sees_body(obj, viewer.id if viewer else None, tiers)
    return Shown(obj, **extra)


def _facets(found: dict) -> dict:
    categories, durations = {}, {}
    for kind in ("video", "party"):
        for _, obj in found.get(kind, []):
            if obj.category:
                categories[obj.category] = categories.get(obj.category, 0) + 1
    for _, video in found.get("video", []):
        name = _duration_name(video.duration)
        if name:
            durations[name] = durations.get(name, 0) + 1
    ordered = sorted(categories.items(), key=lambda item: (-item[1], item[0].lower()))
    return {
        "types": {sources.PLURALS[k]: len(v) for k, v in found.items()},
        "categories": [{"name": n, "count": c} for n, c in ordered],
        "durations": [{"name": n, "count": durations[n]} for n, *_ in DURATIONS if n in durations],
    }


def search(viewer, query: dict) -> dict:
    """One page of each requested kind's matches, grouped, with counts per kind (facets)."""
    q, page, size = query["q"], query["page"], query["page_size"]
    wanted = list(sources.KINDS) if query["type"] == "all" else [query["type"]]
    found = {kind: hits(kind, q, viewer, query) for kind in sources.KINDS}
    tiers = entitled_tier_ids(viewer.id) if viewer else set()
    start = (page - 1) * size
    results = {plural: [] for plural in sources.PLURALS.values()}
    for kind in wanted:
        chosen = found[kind][start : start + size]
        results[sources.PLURALS[kind]] = [_shown(kind, s, o, viewer, tiers) for s, o in chosen]
    total = sum(len(found[kind]) for kind in wanted)
    largest = max(len(found[kind]) for kind in wanted)
    return {
        "query": q,
        "type": sources.PLURALS.get(query["type"], "all"),
        "results": results,
        "total_results": total,
        "page": page,
        "page_size": size,
        "total_pages": max(1, math.ceil(largest / size)),
        "facets": _facets(found),
    }


def title_of(kind: str, obj) -> str:
    """What a suggestion shows."""
    if kind == "user":
        return obj.full_name
    if kind == "creator":
        return obj.user.full_name
    return obj.title


def suggest(viewer, q: str, limit: int) -> dict:
    """The best `limit` titles across every kind that match `q` as typed (prefixes)."""
    merged = [
        (score, kind, obj) for kind in sources.KINDS for score, obj in hits(kind, q, viewer)[:limit]
    ]
    merged.sort(key=lambda item: item[0], reverse=True)
    return {
        "query": q,
        "suggestions": [
            {"type": kind, "id": object_id(obj), "title": title_of(kind, obj)}
            for _, kind, obj in merged[:limit]
        ],
    }
