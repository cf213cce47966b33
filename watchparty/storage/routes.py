"""/media/: the local store's files (public, or private with a signature) and direct uploads."""

from flask import Blueprint, Response, current_app, request

from watchparty.common.guards import accepts_body
from watchparty.errors import NotFound, TooLarge
from watchparty.storage import PRIVATE, LocalStorage, signing, storage
from watchparty.storage.keys import clean_key, refuse_encoded_separators

media = Blueprint("media", __name__)
# A stored file is never a page of this site: no script runs, nothing loads, even if a stored
# type says text/html or image/svg+xml (a <video>, <img> or fetch() ignores this header).
MEDIA_CSP = "default-src 'none'; sandbox"


def _local() -> LocalStorage:
    store = storage()
    if not isinstance(store, LocalStorage):
        raise NotFound("Files are served by the object store.")
    return store


def _raw_path() -> str | None:
    """The request path as the client sent it, before the server decoded %XX escapes."""
    environ = request.environ
    return environ.get("REQUEST_URI") or environ.get("RAW_URI") or environ.get("RAW_PATH_INFO")


def _allow_origin(response: Response, private: bool) -> None:
    """Any origin may read public files; private ones only the app's own origins."""
    if not private:
        response.headers["Access-Control-Allow-Origin"] = "*"
        return
    response.vary.add("Origin")
    origin = request.headers.get("Origin", "").rstrip("/")
    if origin and origin in current_app.config["CORS_ORIGINS"]:
        response.headers["Access-Control-Allow-Origin"] = origin


# Not merged: `/media//private/x` is a key with an empty segment, refused, not a redirect.
@media.get("/media/<path:key>", merge_slashes=False)
def serve_media(key: str):
    """Serve a stored file (conditional and Range requests supported) with its stored type."""
    refuse_encoded_separators(_raw_path())
    key = clean_key(key)  # before any decision: the key checked is the key served
    store = _local()
    private = key.startswith(PRIVATE)
    signed = signing.check_get(key, request.args.get("expires"), request.args.get("signature"))
    if private and not signed:
        raise NotFound("No such file.")
    response = store.stream(key)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = MEDIA_CSP
    _allow_origin(response, private)
    return response


@media.put("/media/upload/<token>")
@accepts_body("VIDEO_MAX_BYTES")
def put_media(token: str):
    """Receive a direct upload granted by a presigned token, streamed to disk in chunks."""
    grant = signing.check_put(token)
    store = _local()
    limit = current_app.config["VIDEO_MAX_BYTES"]
    if (request.content_length or 0) > limit:
        raise TooLarge(f"File size must be no more than {limit // (1024 * 1024)}MB.")
    written = store.receive(grant["key"], request.stream, limit, grant.get("type"), empty=False)
    # Not part of the REST API (an S3-style PUT target, outside /api/ and its OpenAPI
    # document): Flask serializes the dict itself.
    return {"key": grant["key"], "size": written}
