"""Watch history (recorded from playback, yours only) and favorites (videos and parties you may
still see). Recording is an insert-if-absent on the (user, item) key plus one UPDATE, so two
reports at once add their time to one row."""

import uuid

from sqlalchemy import delete, select, update

from watchparty.common.inserts import insert_once
from watchparty.common.pagination import paginate
from watchparty.common.shown import Shown
from watchparty.common.types import utcnow
from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.library.models import VIDEO, Favorite, WatchEntry
from watchparty.parties.access import get_party, is_viewer, require_viewer
from watchparty.parties.models import Party
from watchparty.videos.access import can_view, visible_video
from watchparty.videos.models import Video


def record(user_id: uuid.UUID, *, title: str, seconds: float, video_id=None, party_id=None):
    """Add `seconds` of watching to the user's entry for a video (or a party's own URL). No
    commit: the caller's transaction holds it."""
    key = f"video:{video_id}" if video_id else f"party:{party_id}"
    values = {"video_id": video_id, "title": title[:200], "last_watched_at": utcnow()}
    insert_once(
        WatchEntry,
        id=uuid.uuid4(),
        user_id=user_id,
        item_key=key,
        seconds=0.0,
        party_id=party_id,
        **values,
    )
    changes = values | {"seconds": WatchEntry.seconds + max(0.0, float(seconds))}
    if party_id:
        changes["party_id"] = party_id
    db.session.execute(
        update(WatchEntry)
        .where(WatchEntry.user_id == user_id, WatchEntry.item_key == key)
        .values(**changes)
        .execution_options(synchronize_session=False)
    )


def video_watched(user, video: Video, seconds: float) -> None:
    """The plain player reported time on a video."""
    if user is not None:
        record(user.id, title=video.title, seconds=seconds, video_id=video.id)


def party_watched(party: Party, user_id: uuid.UUID, seconds: float) -> None:
    """A member spent time in a running party: its video, or the party itself for a URL."""
    if seconds <= 0:
        return
    video = db.session.get(Video, party.video_id) if party.video_id else None
    title = video.title if video is not None else party.title
    record(user_id, title=title, seconds=seconds, video_id=party.video_id, party_id=party.id)


def history(user, page: int, page_size: int) -> dict:
    """Your watch history, the latest first."""
    stmt = select(WatchEntry).where(WatchEntry.user_id == user.id)
    stmt = stmt.order_by(WatchEntry.last_watched_at.desc(), WatchEntry.id.desc())
    return paginate(stmt, page, page_size)


def forget(user, entry_id: uuid.UUID) -> None:
    """Delete one entry of your history (404 if it is not yours)."""
    done = db.session.execute(
        delete(WatchEntry).where(WatchEntry.id == entry_id, WatchEntry.user_id == user.id)
    )
    if done.rowcount == 0:
        raise NotFound("No such history entry.", code="entry_not_found")
    db.session.commit()


def clear(user) -> dict:
    """Delete your whole history: {success, deleted} (how many entries went)."""
    done = db.session.execute(delete(WatchEntry).where(WatchEntry.user_id == user.id))
    db.session.commit()
    return {"success": True, "deleted": done.rowcount}


def _item(user, content_type: str, content_id: uuid.UUID):
    """The favorite's thing, if the user may see it (404 otherwise: private stays private)."""
    if content_type == VIDEO:
        return visible_video(user, content_id)
    party = get_party(content_id)
    require_viewer(party, user.id)
    return party


def add_favorite(user, content_type: str, content_id: uuid.UUID) -> dict:
    """Mark a video or party you can see as a favorite; again changes nothing (`created`
    false): {success, created, favorite}."""
    item = _item(user, content_type, content_id)
    created = insert_once(
        Favorite,
        missing="Not found",
        id=uuid.uuid4(),
        user_id=user.id,
        content_type=content_type,
        content_id=content_id,
        created_at=utcnow(),
    )
    db.session.commit()
    row = db.session.scalar(
        select(Favorite).where(
            Favorite.user_id == user.id,
            Favorite.content_type == content_type,
            Favorite.content_id == content_id,
        )
    )
    return {"success": True, "created": created, "favorite": _shown(row, item)}


def _shown(row: Favorite, item) -> Shown:
    return Shown(row, title=item.title, item=item)


def _visible(user, row: Favorite):
    model = Video if row.content_type == VIDEO else Party
    item = db.session.get(model, row.content_id)
    if item is None:
        return None
    if row.content_type == VIDEO:
        return item if can_view(user, item) else None
    return item if is_viewer(item, user.id) else None


def favorites(user, content_type: str | None, page: int, page_size: int) -> dict:
    """Your favorites that you may still see, newest first (gone or private ones are left out)."""
    stmt = select(Favorite).where(Favorite.user_id == user.id)
    if content_type:
        stmt = stmt.where(Favorite.content_type == content_type)
    body = paginate(stmt.order_by(Favorite.created_at.desc(), Favorite.id.desc()), page, page_size)
    shown = [(row, _visible(user, row)) for row in body["results"]]
    return body | {"results": [_shown(row, item) for row, item in shown if item is not None]}


def remove_favorite(user, favorite_id: uuid.UUID) -> None:
    """Remove one of your favorites (404 if it is not yours)."""
    done = db.session.execute(
        delete(Favorite).where(Favorite.id == favorite_id, Favorite.user_id == user.id)
    )
    if done.rowcount == 0:
        raise NotFound("No such favorite.", code="favorite_not_found")
    db.session.commit()


def erase(user) -> None:
    """Account deletion: the user's history and favorites go (no commit)."""
    db.session.execute(delete(WatchEntry).where(WatchEntry.user_id == user.id))
    db.session.execute(delete(Favorite).where(Favorite.user_id == user.id))
