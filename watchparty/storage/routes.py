"""/media/: the local store's files (public, or private with a signature) and direct uploads."""

from flask import Blueprint, current_app, jsonify, request

from watchparty.common.guards import accepts_body
from watchparty.errors import NotFound, TooLarge, ValidationError
from watchparty.storage import PRIVATE, LocalStorage, content_type, signing, storage

media = Blueprint("media", __name__)
CHUNK = 1024 * 1024


def _local() -> LocalStorage:
    store = storage()
    if not isinstance(store, LocalStorage):
        raise NotFound("Files are served by the object store.")
    return store


@media.get("/media/<path:key>")
def serve_media(key: str):
    """Serve a stored file (conditional and Range requests supported)."""
    store = _local()
    signed = signing.check_get(key, request.args.get("expires"), request.args.get("signature"))
    if key.startswith(PRIVATE) and not signed:
        raise NotFound("No such file.")
    response = store.stream(key, content_type(key))
    response.headers["Access-Control-Allow-Origin"] = "*"
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
    path = store.path(grant["key"])
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    written = 0
    with open(partial, "wb") as out:
        while chunk := request.stream.read(CHUNK):
            written += len(chunk)
            if written > limit:
                out.close()
                partial.unlink(missing_ok=True)
                raise TooLarge(f"File size must be no more than {limit // (1024 * 1024)}MB.")
            out.write(chunk)
    if not written:
        partial.unlink(missing_ok=True)
        raise ValidationError("The upload is empty.", errors={"file": ["Empty body."]})
    partial.replace(path)
    return jsonify({"key": grant["key"], "size": written}), 200
