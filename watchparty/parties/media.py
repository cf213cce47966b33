"""What a party may play: a direct HLS/MP4 URL, or an uploaded video its host may see."""

import uuid

from flask import current_app

from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.users.models import User
from watchparty.videos import captions, remote
from watchparty.videos.access import is_owner
from watchparty.videos.models import PRIVATE, READY, Video


def check_video(video_id: uuid.UUID, host_id: uuid.UUID) -> None:
    """Accept a video the party's host owns, or a public/unlisted ready one; 400 otherwise.

    Not `can_view`: a private video reaches a party only through its owner, never through
    someone who can watch it because another party plays it."""
    video = db.session.get(Video, video_id)
    host = db.session.get(User, host_id)
    allowed = video is not None and (
        is_owner(host, video) or (video.status == READY and video.visibility != PRIVATE)
    )
    if not allowed:  # the same answer for missing and hidden: a private video stays private
        raise ValidationError("Unknown video.", errors={"video_id": ["Unknown video."]})


def check_subtitle_url(url: str) -> str:
    """Fetch a media URL's subtitle track the same SSRF-safe way and read it (WebVTT or SRT):
    its WebVTT text, or 400 `subtitles_unreachable` / `invalid_subtitles` with the reason."""
    field = "subtitle_url"
    try:
        data = remote.fetch_small(url)
    except remote.Unplayable as reason:
        message = str(reason)
        raise ValidationError(
            message, code="subtitles_unreachable", errors={field: [message]}
        ) from None
    except ValidationError as refused:
        raise ValidationError(refused.message, errors={field: [refused.message]}) from None
    try:
        return captions.to_webvtt(data)[0]
    except ValidationError as bad:
        raise ValidationError(bad.message, code=bad.code, errors={field: [bad.message]}) from None


def check_media_url(url: str, field: str = "media_url") -> dict:
    """Probe a media URL (SSRF-safe, as validate-url does) before anything stores it: its
    {content_type, file_size, duration, format}, or 400 `media_unreachable`, `not_media` or
    `media_too_large` with the reason."""
    try:
        found = remote.probe(url)
    except remote.Unplayable as reason:
        raise ValidationError(
            str(reason), code=reason.code, errors={field: [str(reason)]}
        ) from None
    except ValidationError as refused:  # a private or malformed address
        raise ValidationError(refused.message, errors={field: [refused.message]}) from None
    limit = current_app.config["MEDIA_URL_MAX_BYTES"]
    if found.get("file_size") and found["file_size"] > limit:
        reason = f"The file is larger than {limit // 2**30} GiB."
        raise ValidationError(reason, code="media_too_large", errors={field: [reason]})
    return found
