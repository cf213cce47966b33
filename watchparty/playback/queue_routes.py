"""REST views of a party's queue (the /party socket has the same calls, and every change is
broadcast there as `queue`)."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.playback import item_subtitles, queue, skipping
from watchparty.playback.queue_schemas import (
    QueueAddSchema,
    QueueItemSchema,
    QueueMoveSchema,
    QueueSchema,
    SkipResultSchema,
)
from watchparty.playback.schemas import StateSchema

blp = Blueprint("party_queue", __name__, description="Parties: the queue")
ITEM = "/<uuid:party_id>/queue/<uuid:item_id>/"


@blp.get("/<uuid:party_id>/queue/")
@auth_required
@blp.response(200, QueueSchema)
def get_queue(party_id: uuid.UUID):
    """The items waiting, the one playing and the skip votes."""
    return queue.listing(party_id, current_user)


@blp.post("/<uuid:party_id>/queue/")
@auth_required
@blp.arguments(QueueAddSchema)
@blp.response(201, QueueItemSchema)
def add_to_queue(body, party_id: uuid.UUID):
    """Add a video or a media URL (checked first: 400 `media_unreachable` or `not_media`)."""
    return queue.add(party_id, current_user, body)


@blp.delete("/<uuid:party_id>/queue/")
@auth_required
@blp.response(200, QueueSchema)
def clear_queue(party_id: uuid.UUID):
    """Remove every waiting item (control rights)."""
    return queue.clear(party_id, current_user)


@blp.delete(ITEM)
@auth_required
@blp.response(200, QueueSchema)
def remove_from_queue(party_id: uuid.UUID, item_id: uuid.UUID):
    """Remove an item: your own, or any with control rights."""
    return queue.remove(party_id, current_user, item_id)


@blp.patch(ITEM)
@auth_required
@blp.arguments(QueueMoveSchema)
@blp.response(200, QueueSchema)
def move_in_queue(body, party_id: uuid.UUID, item_id: uuid.UUID):
    """Move an item to `index` (control rights)."""
    return queue.move(party_id, current_user, item_id, body["index"])


@blp.get(f"{ITEM}subtitles/")
@auth_required
@blp.response(200, {"type": "string"}, content_type="text/vtt")
def item_subtitle_track(party_id: uuid.UUID, item_id: uuid.UUID):
    """A media-URL item's subtitle track, as WebVTT."""
    return item_subtitles.webvtt(party_id, current_user, item_id)


@blp.post(f"{ITEM}play/")
@auth_required
@blp.response(200, QueueSchema)
def play_now(party_id: uuid.UUID, item_id: uuid.UUID):
    """Play an item now, for everyone (control rights)."""
    return queue.play_now(party_id, current_user, item_id)


@blp.post("/<uuid:party_id>/queue/skip/")
@auth_required
@blp.response(200, SkipResultSchema)
@blp.alt_response(409, description="Already voted, or nothing from the queue is playing")
def vote_skip(party_id: uuid.UUID):
    """Vote to skip the item playing; `skip_ratio` of those online skips it."""
    return skipping.skip(party_id, current_user)


@blp.delete("/<uuid:party_id>/queue/up-next/")
@auth_required
@blp.response(200, StateSchema)
def cancel_up_next(party_id: uuid.UUID):
    """Stay on the last frame instead of starting the next item (control rights)."""
    return skipping.cancel_advance(party_id, current_user)
