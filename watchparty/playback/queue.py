"""The party's queue: add, remove, move, play now, clear, vote-skip, cancel the next item.

Who may add follows the party's `queue_policy`; reordering, removing others' items, play now
and clear follow its control policy (your own additions you may always remove). Every change
takes the party's queue lock (`queue_items.bump`), so two members adding at once keep both, in
order, and is broadcast as `queue` with a greater `version`.
"""

import posixpath
import uuid
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import delete, func, select

from watchparty.common.types import new_id
from watchparty.errors import Conflict, NotFound
from watchparty.extensions import db
from watchparty.parties import access
from watchparty.parties.media import check_media_url, check_video
from watchparty.playback import item_subtitles, queue_items, sync
from watchparty.playback.models import PLAYING, QUEUED, QueueItem
from watchparty.videos.models import Video
from watchparty.videos.schemas import thumbnail_url


def _source(party, body: dict) -> dict:
    """An item's media fields from `{video_id | media_url, title?}`: checked, with its length."""
    if body.get("video_id"):
        check_video(body["video_id"], party.host_id)
        video = db.session.get(Video, body["video_id"])
        title, duration = body.get("title") or video.title, video.duration
        return {"video_id": video.id, "title": title, "duration": duration} | {
            "media_url": None,
            "thumbnail_url": thumbnail_url(video),
        }
    url = body["media_url"]
    found = check_media_url(url)
    name = posixpath.basename(urlsplit(url).path) or urlsplit(url).hostname or url
    return {"video_id": None, "media_url": url, "duration": found.get("duration")} | {
        "title": body.get("title") or name[:200],
        "thumbnail_url": None,
    }


def listing(party_id: uuid.UUID, user) -> dict:
    """The queue, for anyone who may see the party."""
    party = access.get_party(party_id)
    access.require_viewer(party, user.id)
    return queue_items.view(party)


def add(party_id: uuid.UUID, user, body: dict) -> QueueItem:
    """Append an item (queue policy); a party with nothing to play gets it at once. Commits."""
    party = access.get_party(party_id)
    access.require_queue_add(party, user.id)
    fields = _source(party, body)  # probes a URL: before the lock, never while holding it
    track = item_subtitles.checked(body)
    queue_items.bump(party.id)
    waiting = db.session.scalar(
        select(func.count()).where(QueueItem.party_id == party.id, QueueItem.status == QUEUED)
    )
    if waiting >= current_app.config["QUEUE_MAX_ITEMS"]:
        raise Conflict("The queue is full.", code="queue_full")
    last = db.session.scalar(
        select(func.max(QueueItem.position)).where(QueueItem.party_id == party.id)
    )
    item = QueueItem(party_id=party.id, position=(last or 0) + 1, added_by_id=user.id, **fields)
    # Decided under the lock: of two first additions at once, only one becomes what plays.
    state = sync.current(party.id, party)
    idle = not (state.get("video_id") or state.get("media_url"))
    if idle and queue_items.playing(party.id) is None:
        item.status = PLAYING
    item.id = new_id()
    item_subtitles.attach(item, track, body.get("subtitle_url"))
    db.session.add(item)
    db.session.commit()
    if item.status == PLAYING:
        queue_items.play(party, item, autoplay=False)
    else:
        queue_items.announce(party)
    return item


def _waiting(party, item_id: uuid.UUID) -> QueueItem:
    item = db.session.get(QueueItem, item_id)
    if item is None or item.party_id != party.id or item.status != QUEUED:
        raise NotFound("No such item in the queue.", code="queue_item_not_found")
    return item


def remove(party_id: uuid.UUID, user, item_id: uuid.UUID) -> dict:
    """Take an item out (your own, or any with control rights). Commits."""
    party = access.get_party(party_id)
    row = access.require_member(party, user.id)
    item = _waiting(party, item_id)
    if item.added_by_id != user.id and not access.can_control(party, row):
        access.require_control(party, user.id)
    queue_items.bump(party.id)
    db.session.delete(item)
    db.session.commit()
    return queue_items.announce(party)


def move(party_id: uuid.UUID, user, item_id: uuid.UUID, index: int) -> dict:
    """Put an item at `index` among those waiting (control rights). Commits."""
    party = access.get_party(party_id)
    access.require_control(party, user.id)
    item = _waiting(party, item_id)
    queue_items.bump(party.id)
    order = [i for i in queue_items.queued(party.id) if i.id != item.id]
    order.insert(min(index, len(order)), item)
    for position, row in enumerate(order, start=1):
        row.position = position
    db.session.commit()
    return queue_items.announce(party)


def play_now(party_id: uuid.UUID, user, item_id: uuid.UUID) -> dict:
    """Start an item now (control rights): it plays for everyone. Commits."""
    party = access.get_party(party_id)
    access.require_control(party, user.id)
    queue_items.start(party, _waiting(party, item_id), autoplay=True)
    return queue_items.view(party)


def play_media(party, user_id: uuid.UUID, cmd: dict) -> dict:
    """The "video" command: the media becomes the current item, paused at 0: {seq, state}."""
    fields = _source(party, cmd)
    item = QueueItem(party_id=party.id, position=0, added_by_id=user_id, **fields)
    db.session.add(item)
    db.session.flush()
    return queue_items.start(party, item, autoplay=False)


def clear(party_id: uuid.UUID, user) -> dict:
    """Remove every waiting item (control rights). Commits."""
    party = access.get_party(party_id)
    access.require_control(party, user.id)
    queue_items.bump(party.id)
    db.session.execute(
        delete(QueueItem).where(QueueItem.party_id == party.id, QueueItem.status == QUEUED)
    )
    db.session.commit()
    return queue_items.announce(party)
