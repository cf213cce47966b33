"""The subtitle track a media-URL queue item may carry: fetched and checked once when the item
is added (the same SSRF-safe fetch as the media's probe), stored privately, and served to those
who may see the party. Uploaded videos carry their own tracks (videos/subtitles.py)."""

import uuid

from flask import Response

from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.parties import access
from watchparty.parties.media import check_subtitle_url
from watchparty.playback.models import QueueItem
from watchparty.storage import storage


def checked(body: dict) -> str | None:
    """The WebVTT of the body's `subtitle_url`, read and checked (400 otherwise), or None."""
    return check_subtitle_url(body["subtitle_url"]) if body.get("subtitle_url") else None


def attach(item: QueueItem, text: str | None, url: str | None) -> None:
    """Store an item's checked track (the caller commits)."""
    if text is None:
        return
    item.subtitle_url = url
    item.subtitle_key = f"private/parties/{item.party_id}/queue/{item.id}.vtt"
    storage().save(item.subtitle_key, text.encode("utf-8"), "text/vtt")


def track_path(item: QueueItem) -> str | None:
    """Where clients fetch an item's track (with their session), or None."""
    if not item.subtitle_key:
        return None
    return f"/api/parties/{item.party_id}/queue/{item.id}/subtitles/"


def webvtt(party_id: uuid.UUID, user, item_id: uuid.UUID) -> Response:
    """An item's track as WebVTT, for anyone who may see the party."""
    party = access.get_party(party_id)
    access.require_viewer(party, user.id)
    item = db.session.get(QueueItem, item_id)
    if item is None or item.party_id != party.id or not item.subtitle_key:
        raise NotFound("This item has no subtitles.", code="subtitle_not_found")
    response = Response(storage().read(item.subtitle_key), mimetype="text/vtt")
    response.headers["Cache-Control"] = "private, max-age=300"
    return response
