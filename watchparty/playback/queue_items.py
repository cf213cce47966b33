"""The queue's rows and how clients see them: queued items, the one playing, the broadcast,
and starting an item (it becomes what the party's playback state plays)."""

import math

from sqlalchemy import func, select, update

from watchparty.extensions import db
from watchparty.live import presence
from watchparty.parties import broadcast
from watchparty.parties.models import Party
from watchparty.playback import commands, item_subtitles
from watchparty.playback.models import PLAYED, PLAYING, QUEUED, QueueItem, SkipVote
from watchparty.playback.queue_schemas import QueueSchema
from watchparty.playback.schemas import VIDEO

_QUEUE = QueueSchema()


def queued(party_id) -> list[QueueItem]:
    """The items waiting, in order."""
    return db.session.scalars(
        select(QueueItem)
        .where(QueueItem.party_id == party_id, QueueItem.status == QUEUED)
        .order_by(QueueItem.position, QueueItem.created_at, QueueItem.id)
    ).all()


def next_up(party_id) -> QueueItem | None:
    """The first item waiting, or None."""
    items = queued(party_id)
    return items[0] if items else None


def playing(party_id) -> QueueItem | None:
    """The item playing now, or None (a party may play media that never was queued)."""
    return db.session.scalar(
        select(QueueItem).where(QueueItem.party_id == party_id, QueueItem.status == PLAYING)
    )


def brief(item: QueueItem) -> dict:
    """`{id, title}` of an item, for `up_next`."""
    return {"id": str(item.id), "title": item.title}


def bump(party_id) -> int:
    """Lock the party's queue (its row) for this transaction and return the new version."""
    return db.session.execute(
        update(Party)
        .where(Party.id == party_id)
        .values(queue_version=Party.queue_version + 1)
        .returning(Party.queue_version)
    ).scalar_one()


def skip_needed(party: Party) -> int:
    """Votes that skip the item playing: `skip_ratio` of the members online, at least one."""
    online = max(1, len(presence.online_users(party.id)))
    return max(1, math.ceil(party.skip_ratio * online - 1e-9))


def view(party: Party) -> dict:
    """The queue as clients see it: {party_id, version, items, current, skip}."""
    current = playing(party.id)
    votes = 0
    if current is not None:
        count = select(func.count()).where(SkipVote.item_id == current.id)
        votes = db.session.scalar(count.select_from(SkipVote))
    db.session.refresh(party, ["queue_version"])
    return {
        "party_id": party.id,
        "version": party.queue_version,
        "items": queued(party.id),
        "current": current,
        "skip": {"votes": votes, "needed": skip_needed(party)},
    }


def announce(party: Party) -> dict:
    """Broadcast `queue` to the party's /party room; returns the view."""
    shown = view(party)
    broadcast.emit("queue", _QUEUE.dump(shown), party.id)
    return shown


def start(party: Party, item: QueueItem, autoplay: bool) -> dict:
    """Make `item` what plays (the one before is done): {seq, state}. Commits, announces."""
    bump(party.id)
    db.session.execute(
        update(QueueItem)
        .where(QueueItem.party_id == party.id, QueueItem.status == PLAYING)
        .values(status=PLAYED)
        .execution_options(synchronize_session=False)
    )
    item.status = PLAYING
    db.session.commit()
    return play(party, item, autoplay)


def play(party: Party, item: QueueItem, autoplay: bool) -> dict:
    """Point the playback state at `item`, already PLAYING and committed; announce the queue."""
    cmd = {"action": VIDEO, "autoplay": autoplay, "item_id": item.id, "title": item.title}
    cmd |= {"video_id": item.video_id, "media_url": item.media_url, "duration": item.duration}
    cmd["subtitle_track"] = item_subtitles.track_path(item)
    result = commands.run(party, cmd)
    announce(party)
    return result
