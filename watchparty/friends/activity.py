"""What your friends did lately: hosted a party, joined one, uploaded a video.

Read from the parties and videos themselves (no second log to keep in step), each item only
when you may see its party or video: a public party or one you are in, a public or unlisted
ready video. A friend who hides their online status also hides the parties they join.
"""

import uuid

from sqlalchemy import select

from watchparty.common.pagination import page_dict
from watchparty.extensions import db
from watchparty.friends import service
from watchparty.parties.access import is_viewer
from watchparty.parties.models import HOST, Party, PartyParticipant
from watchparty.users import settings
from watchparty.users.models import User
from watchparty.videos.access import can_view
from watchparty.videos.models import READY, Video

HOSTED, JOINED, UPLOADED = "hosted_party", "joined_party", "uploaded_video"
_RECENT = 100  # per kind: the newest rows a page is cut from


def _parties(friends: list[uuid.UUID]) -> list[tuple]:
    rows = db.session.execute(
        select(PartyParticipant, Party)
        .join(Party, Party.id == PartyParticipant.party_id)
        .where(PartyParticipant.user_id.in_(friends), Party.deleted_at.is_(None))
        .order_by(PartyParticipant.joined_at.desc())
        .limit(_RECENT)
    ).all()
    return [
        (HOSTED if row.role == HOST else JOINED, row.user_id, row.joined_at, party)
        for row, party in rows
    ]


def _videos(friends: list[uuid.UUID]) -> list[tuple]:
    videos = db.session.scalars(
        select(Video)
        .where(Video.owner_id.in_(friends), Video.status == READY)
        .order_by(Video.created_at.desc())
        .limit(_RECENT)
    ).all()
    return [(UPLOADED, video.owner_id, video.created_at, video) for video in videos]


def _shown(viewer: User, kind: str, thing) -> bool:
    """Whether the viewer may see the item's party or video."""
    return can_view(viewer, thing) if kind == UPLOADED else is_viewer(thing, viewer.id)


def _quiet(people: dict) -> set[uuid.UUID]:
    """Friends who hide their online status (and so the parties they join)."""
    return {
        uid
        for uid, user in people.items()
        if not settings.current(user, "privacy")["show_online_status"]
    }


def feed(viewer: User, page: int, page_size: int) -> dict:
    """A page of friends' activity, newest first: {kind, user, at, party or video}."""
    friends = sorted(service.friend_ids(viewer.id))
    people = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(friends)))}
    quiet = _quiet(people)
    items = [
        item
        for item in _parties(friends) + _videos(friends)
        if not (item[0] == JOINED and item[1] in quiet) and _shown(viewer, item[0], item[3])
    ]
    items.sort(key=lambda item: item[2], reverse=True)
    start = (page - 1) * page_size
    results = [
        {
            "kind": kind,
            "user": people[who],
            "at": at,
            "party": None if kind == UPLOADED else thing,
            "video": thing if kind == UPLOADED else None,
        }
        for kind, who, at, thing in items[start : start + page_size]
    ]
    return page_dict(results, len(items), page, page_size)
