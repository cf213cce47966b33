"""File storage behind one interface: a local folder (embedded default) or an S3 bucket."""

import mimetypes

from flask import Flask, current_app

from watchparty.storage.local import LocalStorage
from watchparty.storage.s3 import S3Storage, make_client

PRIVATE = "private/"  # local keys under this prefix are served only with a signature

# Players need these exact types; the platform's mimetypes table may not know them.
mimetypes.add_type("application/vnd.apple.mpegurl", ".m3u8")
mimetypes.add_type("video/mp2t", ".ts")
mimetypes.add_type("video/mp4", ".m4s")

Storage = LocalStorage | S3Storage


def build_storage(config: dict) -> Storage:
    """S3 when S3_BUCKET is set, else the folder MEDIA_ROOT."""
    if config.get("S3_BUCKET"):
        return S3Storage(make_client(config), config["S3_BUCKET"], config.get("CDN_BASE_URL"))
    return LocalStorage(config["MEDIA_ROOT"])


def init_storage(app: Flask) -> None:
    """Bind the storage backend to the app and mount /media/."""
    from watchparty.storage.routes import media

    app.extensions["storage"] = build_storage(app.config)
    app.register_blueprint(media)


def storage() -> Storage:
    """The app's storage backend."""
    return current_app.extensions["storage"]


def content_type(key: str) -> str:
    """The MIME type players expect for `key`."""
    return mimetypes.guess_type(key)[0] or "application/octet-stream"
