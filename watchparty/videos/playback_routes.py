"""REST views of playback: stream info, HLS playlists, variants, thumbnail, source proxy."""

import uuid

from flask import redirect, request

from watchparty.common.auth import auth_required, caller, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.videos import playback
from watchparty.videos.input_schemas import PlaybackTokenQuerySchema
from watchparty.videos.schemas import QualityVariantsSchema, StreamInfoSchema

blp = Blueprint("videos_playback_routes", __name__, description="Videos: playback")


@blp.get("/<uuid:video_id>/stream/")
@auth_required
@blp.response(200, StreamInfoSchema)
def stream(video_id: uuid.UUID):
    """The HLS master playlist URL (with a playback token), variants and duration; counts a view."""
    return playback.stream_info(caller(), video_id, request.remote_addr)


@blp.get("/<uuid:video_id>/hls/<path:name>")
@optional_auth
@blp.arguments(PlaybackTokenQuerySchema, location="query")
@blp.response(200, content_type=playback.HLS_MIME)
def hls(query, video_id: uuid.UUID, name: str):
    """A playlist of the video, rewritten: playlists via this API, segments as signed URLs."""
    return playback.playlist(caller(), query.get("token"), video_id, name)


@blp.get("/<uuid:video_id>/quality-variants/")
@optional_auth
@blp.response(200, QualityVariantsSchema)
def quality_variants(video_id: uuid.UUID):
    """Each rung of the ladder: quality, playlist URL, bitrate, width and height."""
    return playback.quality_variants(caller(), video_id)


@blp.get("/<uuid:video_id>/thumbnail/")
@optional_auth
@blp.arguments(PlaybackTokenQuerySchema, location="query")
@blp.response(302)
def thumbnail(query, video_id: uuid.UUID):
    """Redirect to a signed URL of the poster image (404 when there is none)."""
    return redirect(playback.thumbnail_location(caller(), query.get("token"), video_id), 302)


@blp.get("/<uuid:video_id>/proxy/")
@auth_required
@blp.response(200, content_type="video/*")
def proxy(video_id: uuid.UUID):
    """The original upload streamed through the app; Range requests get 206."""
    return playback.proxy(caller(), video_id)
