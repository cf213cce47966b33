"""Playback: stream info, quality variants, rewritten HLS playlists, thumbnails and the proxy.

Objects stay private in storage. The API serves the playlists itself, rewritten so each
playlist URI points back at the API (carrying the caller's playback token) and each segment
URI is a short-lived signed storage URL (presigned S3 GET, the local /media/ signature, or
the CDN): the app never relays segment bytes.
"""

import math
import posixpath
import re
import uuid
from datetime import timedelta

from flask import Response, current_app
from sqlalchemy import select

from watchparty.common.types import iso, utcnow
from watchparty.errors import Conflict, Forbidden, NotFound
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.videos import playback_tokens as tokens
from watchparty.videos.access import can_view, get_video, is_owner, visible_video
from watchparty.videos.models import READY, Video
from watchparty.videos.subtitle_models import VideoSubtitle

HLS_MIME = "application/vnd.apple.mpegurl"
NAME = re.compile(r"^[A-Za-z0-9_\-./]+\.m3u8$")
URI_ATTR = re.compile(r'URI="([^"]+)"')
SOURCE_TYPES = {
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "mkv": "video/x-matroska",
    "webm": "video/webm",
    "avi": "video/x-msvideo",
    "wmv": "video/x-ms-wmv",
    "flv": "video/x-flv",
}


def require_ready(video: Video) -> None:
    """409 naming the status while the video cannot be played yet."""
    if video.status != READY or not video.hls_prefix:
        raise Conflict(
            f"The video is not ready for playback (status: {video.status}).",
            code="video_not_ready",
        )


def api_url(path: str) -> str:
    """An absolute URL of this API."""
    return f"{current_app.config['FRONTEND_URL']}{path}"


def hls_url(video_id: uuid.UUID, name: str, token: str | None) -> str:
    """The API URL serving one of the video's playlists."""
    url = api_url(f"/api/videos/{video_id}/hls/{name}")
    return f"{url}?token={token}" if token else url


def stream_info(user, video_id: uuid.UUID, remote_addr: str | None) -> dict:
    """What a player needs to play the video (counts a view): its master playlist URL and more."""
    video = visible_video(user, video_id)
    require_ready(video)
    token = tokens.issue(video.id, user.id)
    info = {
        "video_id": str(video.id),
        "streaming_url": hls_url(video.id, "master.m3u8", token),
        "quality_variants": [item["quality"] for item in video.variants],
        "variants": variant_list(video, token),
        "duration": video.duration,
        "thumbnail_url": _thumbnail_api_url(video, token),
        "expires_at": iso(utcnow() + timedelta(seconds=tokens.ttl())),
        "mime_type": HLS_MIME,
        "subtitles": [
            {"id": t.id, "language": t.language, "label": t.label}
            | {"url": subtitle_url(video.id, t.id, token)}
            for t in subtitle_tracks(video)
        ],
    }
    _record_view(video, user, remote_addr)
    return info


def _record_view(video: Video, user, remote_addr: str | None) -> None:
    # Imported here: the views module belongs to the engagement part of the domain.
    from watchparty.videos.view_counts import record_view

    record_view(video, user, remote_addr)


def variant_list(video: Video, token: str | None) -> list[dict]:
    """Each rung of the ladder with the API URL of its playlist."""
    return [
        {
            "quality": item["quality"],
            "url": hls_url(video.id, item["playlist"], token),
            "bitrate": item.get("bitrate"),
            "width": item.get("width"),
            "height": item.get("height"),
        }
        for item in video.variants
    ]


def quality_variants(user, video_id: uuid.UUID) -> dict:
    """The ladder of a playable video, each rung's playlist URL carrying a playback token."""
    video = visible_video(user, video_id)
    require_ready(video)
    return {"variants": variant_list(video, tokens.issue(video.id, user.id if user else None))}


def viewer(user, token: str | None, video_id: uuid.UUID, purposes=(tokens.PLAY,)):
    """The user a request acts as: the token's (checked) when one is given, else the caller."""
    if not token:
        return user
    claims = tokens.check(token, video_id)
    if claims.get("p", tokens.PLAY) not in purposes:
        raise Forbidden("This link does not grant that.", code="invalid_playback_token")
    if not claims.get("u"):
        return None
    from watchparty.users.models import User

    holder = db.session.get(User, uuid.UUID(claims["u"]))
    return holder if holder is not None and holder.can_sign_in else None


def playable(user, token: str | None, video_id: uuid.UUID) -> Video:
    """The video if the token (or the caller) may play it now: 403 for a token that no longer
    may (left the party), 404 when there is no token and the caller may not see it."""
    video = db.session.get(Video, video_id)
    if video is None:
        raise NotFound("Video not found")
    if not can_view(user, video):
        if token:
            raise Forbidden("This playback link no longer grants access.", code="access_revoked")
        raise NotFound("Video not found")
    require_ready(video)
    return video


def playlist(user, token: str | None, video_id: uuid.UUID, name: str) -> Response:
    """One of the video's playlists, rewritten with playable URLs."""
    holder = viewer(user, token, video_id)
    video = playable(holder, token, video_id)
    if not NAME.match(name) or ".." in name.split("/"):
        raise NotFound("No such playlist.")
    if name.startswith("subs/"):
        body = subtitle_playlist(video, name, token)
    else:
        try:
            text = storage().read(f"{video.hls_prefix}{name}").decode("utf-8")
        except FileNotFoundError as error:  # the local store's read() of a missing key
            raise NotFound("No such playlist.") from error
        body = rewrite(text, video, name, token)
        if name == "master.m3u8":
            body = with_subtitles(body, video, token)
    response = Response(body, mimetype=HLS_MIME)
    # The body holds expiring signed URLs: never cache it; any origin may play it (no cookies).
    response.headers["Cache-Control"] = "no-store"
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def rewrite(text: str, video: Video, name: str, token: str | None) -> str:
    """Point playlist URIs at the API and segment URIs at signed storage URLs."""
    here = posixpath.dirname(name)
    ttl = tokens.ttl()

    def target(uri: str) -> str:
        if "://" in uri or uri.startswith("/"):
            return uri  # already absolute: nothing of ours
        path = posixpath.normpath(posixpath.join(here, uri.split("?", 1)[0]))
        if path.startswith(".."):
            return uri
        if path.endswith(".m3u8"):
            return hls_url(video.id, path, token)
        return storage().signed_url(f"{video.hls_prefix}{path}", ttl)

    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            line = URI_ATTR.sub(lambda m: f'URI="{target(m.group(1))}"', line)
        elif stripped:
            line = target(stripped)
        lines.append(line)
    return "\n".join(lines) + "\n"


def subtitle_tracks(video: Video) -> list[VideoSubtitle]:
    """The video's subtitle tracks, oldest first."""
    return db.session.scalars(
        select(VideoSubtitle)
        .where(VideoSubtitle.video_id == video.id)
        .order_by(VideoSubtitle.created_at, VideoSubtitle.id)
    ).all()


def subtitle_url(video_id, track_id, token: str | None) -> str:
    """The API URL serving one track as WebVTT."""
    url = api_url(f"/api/videos/{video_id}/subtitles/{track_id}.vtt")
    return f"{url}?token={token}" if token else url


def with_subtitles(master: str, video: Video, token: str | None) -> str:
    """The master playlist with a SUBTITLES group (one EXT-X-MEDIA per track), so any HLS
    player lists the tracks."""
    tracks = subtitle_tracks(video)
    if not tracks:
        return master
    media = [
        f'#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="{t.label.replace(chr(34), "")}",'
        f'LANGUAGE="{t.language}",DEFAULT=NO,AUTOSELECT=NO,'
        f'URI="{hls_url(video.id, f"subs/{t.id}.m3u8", token)}"'
        for t in tracks
    ]
    lines = master.rstrip("\n").split("\n")
    out = lines[:1] + media
    out += [
        f'{ln},SUBTITLES="subs"' if ln.startswith("#EXT-X-STREAM-INF:") else ln for ln in lines[1:]
    ]
    return "\n".join(out) + "\n"


def subtitle_playlist(video: Video, name: str, token: str | None) -> str:
    """The one-segment media playlist of a track (`subs/<id>.m3u8`): the whole WebVTT file."""
    wanted = posixpath.basename(name).removesuffix(".m3u8")
    track = next((t for t in subtitle_tracks(video) if str(t.id) == wanted), None)
    if track is None:
        raise NotFound("No such playlist.")
    length = max(1, math.ceil(video.duration or 1))
    return (
        f"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:{length}\n#EXT-X-MEDIA-SEQUENCE:0\n"
        f"#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:{length:.3f},\n"
        f"{subtitle_url(video.id, track.id, token)}\n#EXT-X-ENDLIST\n"
    )


def _thumbnail_api_url(video: Video, token: str | None) -> str | None:
    if not video.thumbnail_key:
        return None
    url = api_url(f"/api/videos/{video.id}/thumbnail/")
    return f"{url}?token={token}" if token else url


def thumbnail_location(user, token: str | None, video_id: uuid.UUID) -> str:
    """A signed URL of the video's poster image (404 when it has none)."""
    if token and tokens.check(token, video_id).get("p") == tokens.THUMBNAIL:
        # Handed out inside a video's JSON to someone who could see it: the poster only.
        video = get_video(video_id)
    else:
        video = visible_video(viewer(user, token, video_id), video_id)
    if not video.thumbnail_key:
        raise NotFound("This video has no thumbnail.")
    return storage().signed_url(video.thumbnail_key, tokens.ttl())


def proxy(user, video_id: uuid.UUID) -> Response:
    """The uploaded original streamed through the app, with Range support: to anyone who may
    see the video when it allows downloads, else to its owner (and staff) only."""
    video = visible_video(user, video_id)
    if not video.allow_download and not is_owner(user, video):
        # Viewers still play it through /stream/ (HLS); the original file is the download.
        raise Forbidden(
            "The owner does not allow downloading this video.", code="download_not_allowed"
        )
    if not video.source_key or not storage().exists(video.source_key):
        raise NotFound("The original file is not available.")
    mimetype = SOURCE_TYPES.get(video.format or "", "application/octet-stream")
    response = storage().stream(video.source_key, mimetype)
    response.headers["Cache-Control"] = "private, max-age=0"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
