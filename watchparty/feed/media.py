"""A post's media, only ever as expiring URLs for a viewer who sees its body.

An image lives under a private storage key. Its URL is this API's
`/api/feed/posts/<id>/image/?token=…`, whose token names the post and the viewer; every fetch
checks that the viewer still sees the post, then redirects to a storage URL signed for a
minute. A video goes out as the videos domain's playback URL with a playback token naming
the viewer; the videos domain asks this one (`viewer_grants`) on every playlist fetch.
"""

import uuid
from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from watchparty.common.types import iso, utcnow
from watchparty.errors import Forbidden, NotFound
from watchparty.extensions import db
from watchparty.feed import access
from watchparty.feed.models import Post
from watchparty.storage import storage
from watchparty.users.models import User
from watchparty.videos import playback_tokens
from watchparty.videos.models import READY, Video
from watchparty.videos.playback import api_url, hls_url

REDIRECT_TTL = 60  # seconds the storage URL behind an image redirect stays valid


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="feed-media")


def ttl() -> int:
    """Seconds an image token stays valid (the playback tokens' lifetime)."""
    return playback_tokens.ttl()


def image_url(post: Post, viewer_id: uuid.UUID | None) -> str | None:
    """The image URL for a viewer who sees the post, or None when it has no image."""
    if not post.image_key:
        return None
    token = _serializer().dumps({"p": str(post.id), "u": str(viewer_id) if viewer_id else None})
    return api_url(f"/api/feed/posts/{post.id}/image/?token={token}")


def _token_viewer(token: str, post_id: uuid.UUID) -> uuid.UUID | None:
    """The viewer an image token names; 403 `invalid_media_token` when forged, expired or
    for another post, or when its holder can no longer sign in."""
    refused = Forbidden("This media link is invalid or has expired.", code="invalid_media_token")
    try:
        claims = _serializer().loads(token, max_age=ttl())
    except BadSignature as error:  # SignatureExpired is a BadSignature
        raise refused from error
    if not isinstance(claims, dict) or claims.get("p") != str(post_id):
        raise refused
    if not claims.get("u"):
        return None
    holder = db.session.get(User, uuid.UUID(claims["u"]))
    if holder is None or not holder.can_sign_in:
        raise refused
    return holder.id


def image_location(caller: User | None, token: str | None, post_id: uuid.UUID) -> str:
    """A short-lived storage URL of the post's image for the token's viewer (or the caller);
    403 `post_locked` when they do not see the post, 404 when it has no image."""
    viewer_id = _token_viewer(token, post_id) if token else (caller.id if caller else None)
    post = access.post(post_id)
    if not access.can_see(post, viewer_id):
        raise Forbidden("Subscribe to a tier of this post to see it.", code="post_locked")
    if not post.image_key:
        raise NotFound("This post has no image.")
    return storage().signed_url(post.image_key, REDIRECT_TTL)


def video_info(post: Post, viewer_id: uuid.UUID | None) -> dict | None:
    """Playback URLs of the post's video for a viewer who sees the post (None when it has no
    playable video)."""
    video = db.session.get(Video, post.video_id) if post.video_id else None
    if video is None or video.status != READY or not video.hls_prefix:
        return None
    token = playback_tokens.issue(video.id, viewer_id)
    thumbnail = None
    if video.thumbnail_key:
        poster = playback_tokens.issue(video.id, viewer_id, playback_tokens.THUMBNAIL)
        thumbnail = api_url(f"/api/videos/{video.id}/thumbnail/?token={poster}")
    return {
        "video_id": video.id,
        "title": video.title,
        "streaming_url": hls_url(video.id, "master.m3u8", token),
        "thumbnail_url": thumbnail,
        "duration": video.duration,
        "expires_at": iso(utcnow() + timedelta(seconds=playback_tokens.ttl())),
    }
