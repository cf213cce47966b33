"""Signed playback tokens: a URL-safe capability naming one video and one viewer, with a TTL.

Players (hls.js, ffmpeg, <img>) cannot send an Authorization header with every playlist or
image request, so the URLs they fetch carry this token instead.
"""

import uuid

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from watchparty.errors import Forbidden

PLAY, THUMBNAIL = "play", "thumb"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="video-playback")


def ttl() -> int:
    """Seconds a playback token and the signed segment URLs stay valid."""
    return int(current_app.config["PLAYBACK_URL_TTL"])


def issue(video_id: uuid.UUID, user_id: uuid.UUID | None, purpose: str = PLAY) -> str:
    """A token letting `user_id` (None: anyone) fetch `video_id`'s playlists or thumbnail."""
    return _serializer().dumps(
        {"v": str(video_id), "u": str(user_id) if user_id else None, "p": purpose}
    )


def check(token: str, video_id: uuid.UUID) -> dict:
    """The token's claims if it is genuine, unexpired and names `video_id`; 403 otherwise."""
    try:
        claims = _serializer().loads(token, max_age=ttl())
    except BadSignature as error:  # SignatureExpired is a BadSignature
        raise Forbidden(
            "This playback link is invalid or has expired.", code="invalid_playback_token"
        ) from error
    if not isinstance(claims, dict) or claims.get("v") != str(video_id):
        raise Forbidden("This playback link is for another video.", code="invalid_playback_token")
    return claims
