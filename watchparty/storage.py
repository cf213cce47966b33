"""File storage behind one interface: a local folder (embedded default) served under /media/."""

from pathlib import Path

from flask import Blueprint, Flask, current_app, send_from_directory

from watchparty.errors import NotFound

media = Blueprint("media", __name__)
PRIVATE = "private/"  # keys under this prefix are only served through authorised views


class LocalStorage:
    """Objects as files under MEDIA_ROOT; served with HTTP Range support."""

    def __init__(self, root: str) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise NotFound("No such file.")
        return path

    def save(self, key: str, data: bytes) -> str:
        """Store `data` under `key`; returns the key."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return key

    def read(self, key: str) -> bytes:
        """The bytes stored under `key`."""
        return self._path(key).read_bytes()

    def delete(self, key: str) -> None:
        """Remove `key` if it exists."""
        self._path(key).unlink(missing_ok=True)

    def url(self, key: str) -> str:
        """An absolute URL clients can fetch `key` from."""
        return f"{current_app.config['FRONTEND_URL']}/media/{key}"


def init_storage(app: Flask) -> None:
    """Bind the storage backend to the app and mount /media/."""
    app.extensions["storage"] = LocalStorage(app.config["MEDIA_ROOT"])
    app.register_blueprint(media)


def storage() -> LocalStorage:
    """The app's storage backend."""
    return current_app.extensions["storage"]


@media.get("/media/<path:key>")
def serve_media(key: str):
    """Serve a stored file (conditional and Range requests supported)."""
    store = storage()
    path = store._path(key)
    if key.startswith(PRIVATE) or not path.is_file():
        raise NotFound("No such file.")
    return send_from_directory(store.root.resolve(), key, conditional=True)
