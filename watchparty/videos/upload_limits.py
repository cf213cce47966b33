"""Upload limits and seed 001's errors, and the guard that caps a body before it is read."""

from collections.abc import Callable

from flask import current_app, request
from flask_jwt_extended import verify_jwt_in_request
from werkzeug.exceptions import RequestEntityTooLarge

from watchparty.common.hooks import Hook
from watchparty.errors import TooLarge, Unavailable, UnsupportedMedia
from watchparty.site import settings as site_settings
from watchparty.videos.containers import UNSUPPORTED_MESSAGE

MEGABYTE = 1024 * 1024
# Policies on top of the size limit (billing's plan limits), registered from their hooks.py;
# each is called as fn(user, size_bytes, new_video) and raises to refuse the upload.
upload_policies = Hook("videos.upload_policies")
FORM_OVERHEAD = MEGABYTE  # text fields and multipart framing around the file


def max_video_bytes() -> int:
    """The largest video accepted: the `max_upload_mb` site setting, never above the
    server's VIDEO_MAX_BYTES."""
    return min(current_app.config["VIDEO_MAX_BYTES"], site_settings.get("max_upload_mb") * MEGABYTE)


def max_thumbnail_bytes() -> int:
    """The largest custom thumbnail accepted (VIDEO_THUMBNAIL_MAX_BYTES, default 2 MiB)."""
    return current_app.config["VIDEO_THUMBNAIL_MAX_BYTES"]


def too_large(field: str = "video_file") -> TooLarge:
    """Seed 001's size error, computed from the configured limit."""
    limit = max_video_bytes()
    shown = f"{limit // MEGABYTE}MB" if limit % MEGABYTE == 0 else f"{limit / MEGABYTE:.2f}MB"
    text = f"File size must be no more than {shown}."
    return TooLarge(text, errors={field: [text]})


def unsupported(field: str = "video_file") -> UnsupportedMedia:
    """Seed 001's file-type error."""
    return UnsupportedMedia(UNSUPPORTED_MESSAGE, errors={field: [UNSUPPORTED_MESSAGE]})


def queue_unavailable() -> Unavailable:
    """The job queue refused the transcode: nothing was kept, the client may retry."""
    return Unavailable("Video processing is unavailable right now; try again later.")


def cap_request_body(extra: int) -> None:
    """Limit this request's body to the video limit plus `extra` before anything reads it, so
    Werkzeug refuses an oversized body (413) while streaming, with or without Content-Length."""
    # (Chunked bodies under eventlet: wsgi.py marks them de-chunked for Werkzeug.)
    request.max_content_length = max_video_bytes() + extra


def guard_uploads(blueprint, field: str, views: set[str], extra: Callable[[], int]) -> None:
    """On `blueprint`, cap the bodies of `views` at the video limit plus `extra()` bytes and
    authenticate them before any byte is read: the app's input guards parse multipart bodies
    in before_request, and URL value preprocessors run before those."""

    @blueprint.url_value_preprocessor
    def cap_upload_body(endpoint: str | None, values: dict | None) -> None:
        """Refuse anonymous callers at once, and oversized bodies while they stream."""
        if (endpoint or "").rsplit(".", 1)[-1] not in views or request.method != "POST":
            return
        verify_jwt_in_request()
        cap_request_body(extra())

    @blueprint.errorhandler(RequestEntityTooLarge)
    def body_too_large(_error: RequestEntityTooLarge):
        """A body over the cap: seed 001's message in the project's error shape."""
        error = too_large(field)
        return error.to_dict(), error.status


def check_upload(user, size_bytes: int | None, new_video: bool = True) -> None:
    """Refuse an upload a registered policy does not allow (a plan with no room left)."""
    for policy in upload_policies:
        policy(user, size_bytes, new_video)
