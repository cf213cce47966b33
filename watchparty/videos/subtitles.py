"""A video's subtitle tracks: its owner adds (WebVTT or SRT) and deletes them, anyone who may
watch it lists them and fetches their WebVTT; the HLS master playlist carries them as a
SUBTITLES group (videos/playback.py), so any HLS player finds them."""

import uuid

from flask import Response, current_app
from sqlalchemy import func, select

from watchparty.common.shown import Shown
from watchparty.common.types import new_id
from watchparty.errors import Conflict, Forbidden, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.videos import captions, keys, playback
from watchparty.videos.access import is_owner, visible_video
from watchparty.videos.subtitle_models import VideoSubtitle

MAX_TRACKS = 20


def _owned(user, video_id: uuid.UUID):
    video = visible_video(user, video_id)
    if not is_owner(user, video):
        raise Forbidden("Only the video's owner can change its subtitles.", code="not_video_owner")
    return video


def add(user, video_id: uuid.UUID, file, language: str, label: str | None) -> Shown:
    """Store a track (its owner only): parsed, checked, kept as WebVTT. Commits."""
    video = _owned(user, video_id)
    if file is None:
        raise ValidationError("Attach a .vtt or .srt file.", errors={"file": ["Required."]})
    limit = current_app.config["SUBTITLE_MAX_BYTES"]
    text, cues = captions.to_webvtt(file.read(limit + 1))
    count = select(func.count()).where(VideoSubtitle.video_id == video.id)
    if db.session.scalar(count.select_from(VideoSubtitle)) >= MAX_TRACKS:
        raise Conflict(f"A video may have at most {MAX_TRACKS} subtitle tracks.", code="too_many")
    track = VideoSubtitle(id=new_id(), video_id=video.id, language=language, cue_count=cues)
    track.label = label or language
    track.storage_key = keys.subtitle_key(video.id, track.id)
    storage().save(track.storage_key, text.encode("utf-8"), "text/vtt")
    db.session.add(track)
    db.session.commit()
    return _shown(track, None)


def _shown(track: VideoSubtitle, token: str | None) -> Shown:
    return Shown(track, url=playback.subtitle_url(track.video_id, track.id, token))


def listing(user, video_id: uuid.UUID) -> list[Shown]:
    """The tracks of a video the caller may see."""
    video = visible_video(user, video_id)
    return [_shown(t, None) for t in playback.subtitle_tracks(video)]


def remove(user, video_id: uuid.UUID, track_id: uuid.UUID) -> None:
    """Delete a track and its file (the owner only). Commits."""
    video = _owned(user, video_id)
    track = db.session.get(VideoSubtitle, track_id)
    if track is None or track.video_id != video.id:
        raise NotFound("No such subtitle track.", code="subtitle_not_found")
    storage().delete(track.storage_key)
    db.session.delete(track)
    db.session.commit()


def webvtt(user, token: str | None, video_id: uuid.UUID, track_id: uuid.UUID) -> Response:
    """A track's WebVTT, for whoever may play the video (by playback token or session)."""
    video = playback.playable(playback.viewer(user, token, video_id), token, video_id)
    track = db.session.get(VideoSubtitle, track_id)
    if track is None or track.video_id != video.id:
        raise NotFound("No such subtitle track.", code="subtitle_not_found")
    response = Response(storage().read(track.storage_key), mimetype="text/vtt")
    response.headers["Cache-Control"] = "private, max-age=300"
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
