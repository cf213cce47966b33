"""Objects as files under MEDIA_ROOT (the embedded default), served by this app under /media/."""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from flask import Response, current_app, send_file

from watchparty.errors import NotFound
from watchparty.storage import signing

CHUNK = 1024 * 1024


class LocalStorage:
    """A folder; signed URLs and uploads go through this app's /media/ routes."""

    def __init__(self, root: str) -> None:
        self.root = Path(root)

    def path(self, key: str) -> Path:
        """The file behind `key`; a key that escapes the root is a 404."""
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise NotFound("No such file.")
        return path

    def save(self, key: str, data: bytes, content_type: str | None = None) -> str:
        """Store `data` under `key`; returns the key."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return key

    def save_file(self, key: str, source: BinaryIO, content_type: str | None = None) -> int:
        """Copy a file object under `key` in chunks, written aside then renamed; its size."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out:
            shutil.copyfileobj(source, out, CHUNK)
        Path(out.name).replace(path)
        return path.stat().st_size

    def save_path(self, key: str, source: Path, content_type: str | None = None) -> None:
        """Copy a local file under `key`."""
        with open(source, "rb") as handle:
            self.save_file(key, handle, content_type)

    def read(self, key: str) -> bytes:
        """The bytes stored under `key`; 404 when there are none."""
        return self._existing(key).read_bytes()

    def read_head(self, key: str, size: int) -> bytes:
        """The first `size` bytes of `key`; 404 when there are none."""
        with open(self._existing(key), "rb") as handle:
            return handle.read(size)

    def _existing(self, key: str) -> Path:
        path = self.path(key)
        if not path.is_file():
            raise NotFound("No such file.")
        return path

    def size(self, key: str) -> int | None:
        """The size of `key` in bytes, or None when it does not exist."""
        path = self.path(key)
        return path.stat().st_size if path.is_file() else None

    def exists(self, key: str) -> bool:
        """Whether `key` is stored."""
        return self.path(key).is_file()

    @contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        """A local path holding `key`'s bytes for the duration of the block (here: the file)."""
        yield self._existing(key)

    def delete(self, key: str) -> None:
        """Remove `key` if it exists."""
        self.path(key).unlink(missing_ok=True)

    def delete_prefix(self, prefix: str) -> None:
        """Remove every object under `prefix` (a folder here)."""
        path = self.path(prefix.rstrip("/"))
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)

    def list_prefix(self, prefix: str) -> list[str]:
        """Every key under `prefix`."""
        base = self.path(prefix.rstrip("/"))
        if not base.is_dir():
            return []
        root = self.root.resolve()
        return sorted(str(p.relative_to(root)) for p in base.rglob("*") if p.is_file())

    def url(self, key: str) -> str:
        """A permanent URL for a public key."""
        return f"{current_app.config['FRONTEND_URL']}/media/{key}"

    def signed_url(self, key: str, expires_in: int, download_name: str | None = None) -> str:
        """A URL that serves `key` (private ones too) until it expires."""
        query = signing.sign_get(key, expires_in)
        return f"{current_app.config['FRONTEND_URL']}/media/{key}?{query}"

    def presigned_put(self, key: str, content_type: str, expires_in: int) -> dict:
        """Where a client PUTs `key`'s bytes directly: this app's /media/upload/ route."""
        token = signing.sign_put(key, content_type)
        return {
            "url": f"{current_app.config['FRONTEND_URL']}/media/upload/{token}",
            "method": "PUT",
            "headers": {"Content-Type": content_type},
        }

    def stream(self, key: str, mimetype: str) -> Response:
        """Serve `key` with conditional and Range requests (206 partial content)."""
        return send_file(self._existing(key), mimetype=mimetype, conditional=True, max_age=0)
