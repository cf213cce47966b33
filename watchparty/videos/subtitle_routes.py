"""REST views of a video's subtitle tracks: add (multipart .vtt or .srt), list, delete, and
the WebVTT itself (with the playback token, like the HLS playlists)."""

import uuid

from watchparty.common.auth import auth_required, caller, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import MessageSchema, message
from watchparty.videos import subtitles
from watchparty.videos.input_schemas import PlaybackTokenQuerySchema
from watchparty.videos.subtitle_schemas import (
    SubtitleFileSchema,
    SubtitleSchema,
    SubtitleUploadSchema,
)

blp = Blueprint("video_subtitles", __name__, description="Videos: subtitles")
TRACKS = "/<uuid:video_id>/subtitles/"


@blp.post(TRACKS)
@auth_required
@blp.arguments(SubtitleUploadSchema, location="form")
@blp.arguments(SubtitleFileSchema, location="files")
@blp.response(201, SubtitleSchema)
def add_subtitles(form, files, video_id: uuid.UUID):
    """Add a track to your video: a WebVTT or SRT `file`, its `language` and `label`."""
    return subtitles.add(caller(), video_id, files.get("file"), form["language"], form["label"])


@blp.get(TRACKS)
@optional_auth
@blp.response(200, SubtitleSchema(many=True))
def list_subtitles(video_id: uuid.UUID):
    """The video's tracks (for anyone who may see it)."""
    return subtitles.listing(caller(), video_id)


@blp.delete(f"{TRACKS}<uuid:track_id>/")
@auth_required
@blp.response(200, MessageSchema)
def delete_subtitles(video_id: uuid.UUID, track_id: uuid.UUID):
    """Delete a track of your video."""
    subtitles.remove(caller(), video_id, track_id)
    return message("The subtitle track was deleted.")


@blp.get(f"{TRACKS}<uuid:track_id>.vtt")
@optional_auth
@blp.arguments(PlaybackTokenQuerySchema, location="query")
@blp.response(200, {"type": "string"}, content_type="text/vtt")
def subtitle_file(query, video_id: uuid.UUID, track_id: uuid.UUID):
    """A track as WebVTT (a playback token from /stream/ for private videos)."""
    return subtitles.webvtt(caller(), query.get("token"), video_id, track_id)
