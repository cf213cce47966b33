"""The one rule for what a storage key may look like, applied before any access decision.

Keys are built by the server (`private/videos/<uuid>/hls/v1/360p/seg_00001.ts`,
`avatars/<uuid>/<uuid>.jpg`), so the rule can be strict: segments of letters, digits, `_`,
`-` and inner dots, separated by single slashes. Nothing is rewritten: a key a backend would
read differently from how the access check read it (`a/../private/x`, `./private/x`,
`private//x`, backslashes, NUL, a `%` left after the URL was decoded) names no object and is
a 404 on every backend, local or S3. A leading dot is refused too, which keeps the local
store's metadata files (`.<name>.type`) out of reach of any key.
"""

import mimetypes
import re

from watchparty.errors import NotFound

SEGMENT = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")
MAX_KEY = 1024  # S3's limit, in bytes (the segment rule keeps every key ASCII)
# A MIME type as a header may carry it: type/subtype and optional parameters, no controls.
MIME = re.compile(r"[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*(\s*;\s*[\w.+-]+=[\w.+\-\"]+)*")
DEFAULT_TYPE = "application/octet-stream"
ENCODED_SEPARATORS = re.compile(r"%(2f|5c)", re.I)


def _refuse() -> NotFound:
    return NotFound("No such file.")


def clean_key(key: str) -> str:
    """`key` unchanged when it is a normal object key; 404 otherwise."""
    if not isinstance(key, str) or not key or len(key) > MAX_KEY:
        raise _refuse()
    if not all(SEGMENT.fullmatch(part) for part in key.split("/")):
        raise _refuse()
    return key


def clean_prefix(prefix: str) -> str:
    """A key prefix (a normal key, optionally ending in one slash) unchanged; 404 otherwise."""
    if not isinstance(prefix, str):
        raise _refuse()
    clean_key(prefix.removesuffix("/"))
    return prefix


def refuse_encoded_separators(raw_path: str | None) -> None:
    """404 for a request path that spelled a `/` or `\\` as %2F or %5C (the server decodes
    them before routing, so only the raw request line shows them)."""
    if raw_path and ENCODED_SEPARATORS.search(raw_path.split("?", 1)[0]):
        raise _refuse()


def stored_type(key: str, given: str | None) -> str:
    """The content type to record with an object: the writer's, when it is a well-formed
    MIME type; else the one the (server-built) key implies at write time; else binary."""
    given = (given or "").strip()
    if given and len(given) <= 255 and MIME.fullmatch(given):
        return given
    return mimetypes.guess_type(key)[0] or DEFAULT_TYPE
