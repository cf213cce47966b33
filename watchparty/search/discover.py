"""Discovery: featured (trending) videos, trending parties, recommendations and the popular
categories, from the trending code of videos and parties. A caller with no history (or no
one signed in) is recommended what is trending: the cold start."""

from sqlalchemy import func, select, union_all

from watchparty.extensions import db
from watchparty.parties import discovery as party_discovery
from watchparty.parties.models import ENDED, PUBLIC, Party
from watchparty.videos import catalog
from watchparty.videos.models import PUBLIC as VIDEO_PUBLIC
from watchparty.videos.models import READY, Video


def _page(limit: int, **extra) -> dict:
    return {"page": 1, "page_size": limit, **extra}


def popular_categories(limit: int) -> list[dict]:
    """Categories by how many public videos and open public parties carry them."""
    videos = select(func.lower(Video.category).label("name")).where(
        Video.visibility == VIDEO_PUBLIC,
        Video.status == READY,
        Video.hidden.is_(False),
        Video.category.is_not(None),
    )
    parties = select(func.lower(Party.category).label("name")).where(
        Party.visibility == PUBLIC,
        Party.hidden.is_(False),
        Party.deleted_at.is_(None),
        Party.status != ENDED,
        Party.category.is_not(None),
    )
    both = union_all(videos, parties).subquery()
    rows = (
        select(both.c.name, func.count())
        .group_by(both.c.name)
        .order_by(func.count().desc(), both.c.name)
        .limit(limit)
    )
    return [{"name": name, "count": count} for name, count in db.session.execute(rows)]


def _recommended(viewer, videos: list, parties: list, limit: int) -> list[dict]:
    """Parties like the ones the viewer joined; trending things when there is no history."""
    items = []
    if viewer is not None:
        picks = party_discovery.recommendations(viewer.id, _page(limit))["results"]
        items = [
            {"type": "party", "id": p.id, "title": p.title, "reason": "like parties you joined"}
            for p in picks
        ]
    trending = [("video", v) for v in videos] + [("party", p) for p in parties]
    seen = {item["id"] for item in items}
    for kind, obj in trending:
        if len(items) >= limit:
            break
        if obj.id not in seen:
            items.append({"type": kind, "id": obj.id, "title": obj.title, "reason": "trending"})
            seen.add(obj.id)
    return items[:limit]


def discover(viewer, query: dict) -> dict:
    """What to look at now, optionally in one `category`."""
    limit, category = query["limit"], query.get("category")
    videos = catalog.trending(_page(limit, category=category))["results"]
    parties = party_discovery.trending(_page(100))["results"]
    if category:
        parties = [p for p in parties if (p.category or "").lower() == category.lower()]
    parties = parties[:limit]
    return {
        "featured_videos": videos,
        "trending_parties": parties,
        "recommended_content": _recommended(viewer, videos, parties, limit),
        "popular_categories": popular_categories(limit),
    }
