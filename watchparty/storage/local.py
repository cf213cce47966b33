"""Objects as files under MEDIA_ROOT (the embedded default), served by this app under /media/.

Each object's content type is recorded when it is written, in a small file beside it
(`.<name>.type`): /media/ serves that type, never one guessed from the URL. No key can name
such a file (keys.clean_key refuses a leading dot), and listings skip them.
"""

import io
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from flask import Response, current_app, send_file

from watchparty.errors import NotFound, TooLarge, ValidationError
from watchparty.storage import signing
from watchparty.storage.keys import DEFAULT_TYPE, clean_key, clean_prefix, stored_type

CHUNK = 1024 * 1024


def _type_file(path: Path) -> Path:
    return path.with_name(f".{path.name}.type")


class LocalStorage:
    """A folder; signed URLs and uploads go through this app's /media/ routes."""

    def __init__(self, root: str) -> None:
        self.root = Path(root)

    def path(self, key: str) -> Path:
        """The file behind a normal `key`; any other key, or one that escapes the root
        (a symlink), is a 404."""
        path = (self.root / clean_key(key)).resolve()
        if self.root.resolve() not in path.parents:
            raise NotFound("No such file.")
        return path

    def _folder(self, prefix: str) -> Path:
        clean_prefix(prefix)
        return self.path(prefix.removesuffix("/"))

    def save(self, key: str, data: bytes, content_type: str | None = None) -> str:
        """Store `data` under `key`; returns the key."""
        self.save_file(key, io.BytesIO(data), content_type)
        return key

    def save_file(self, key: str, source: BinaryIO, content_type: str | None = None) -> int:
        """Copy a file object under `key` in chunks, written aside then renamed; its size."""
        return self.receive(key, source, None, content_type)

    def receive(
        self,
        key: str,
        source: BinaryIO,
        limit: int | None,
        content_type: str | None,
        empty: bool = True,
    ) -> int:
        """Copy `source` under `key`, its size; 413 past `limit` bytes (or 400 for no bytes
        unless `empty`), leaving what was there before."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        # A hidden name, so a listing never shows a half-written object.
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", delete=False) as out:
            try:
                while chunk := source.read(CHUNK):
                    written += len(chunk)
                    if limit is not None and written > limit:
                        mib = limit // (1024 * 1024)
                        raise TooLarge(f"File size must be no more than {mib}MB.")
                    out.write(chunk)
                if not written and not empty:
                    raise ValidationError("The upload is empty.", errors={"file": ["Empty body."]})
            except BaseException:
                out.close()
                Path(out.name).unlink(missing_ok=True)
                raise
        _type_file(path).write_text(stored_type(key, content_type))
        Path(out.name).replace(path)
        return written

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

    def content_type(self, key: str) -> str:
        """The type recorded when `key` was written (binary for files written before types
        were recorded)."""
        try:
            return _type_file(self._existing(key)).read_text().strip() or DEFAULT_TYPE
        except FileNotFoundError:
            return DEFAULT_TYPE

    @contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        """A local path holding `key`'s bytes for the duration of the block (here: the file)."""
        yield self._existing(key)

    def delete(self, key: str) -> None:
        """Remove `key` if it exists."""
        path = self.path(key)
        path.unlink(missing_ok=True)
        _type_file(path).unlink(missing_ok=True)

    def delete_prefix(self, prefix: str) -> None:
        """Remove every object under `prefix` (a folder here)."""
        path = self._folder(prefix)
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
            _type_file(path).unlink(missing_ok=True)

    def list_prefix(self, prefix: str) -> list[str]:
        """Every key under `prefix` (metadata and half-written files are not keys)."""
        base = self._folder(prefix)
        if not base.is_dir():
            return []
        root = self.root.resolve()
        found = (p for p in base.rglob("*") if p.is_file() and not p.name.startswith("."))
        return sorted(str(p.relative_to(root)) for p in found)

    def url(self, key: str) -> str:
        """A permanent URL for a public key."""
        return f"{current_app.config['FRONTEND_URL']}/media/{clean_key(key)}"

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

    def stream(self, key: str, mimetype: str | None = None) -> Response:
        """Serve `key` with conditional and Range requests (206 partial content), typed as
        `mimetype` or else as recorded when it was written."""
        path = self._existing(key)
        mimetype = mimetype or self.content_type(key)
        return send_file(path, mimetype=mimetype, conditional=True, max_age=0)
