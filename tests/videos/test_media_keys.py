"""Storage keys are normalised (or refused) once, in the storage layer, on every backend.

The /media/ requests go over a raw socket (http.client) to the live server, so the server sees
the path exactly as an attacker sends it: no client folds `.`/`..` or decodes `%2F` first.
"""

import http.client
import uuid
from urllib.parse import urlsplit

import pytest

from watchparty.errors import NotFound
from watchparty.storage import LocalStorage, storage
from watchparty.storage.keys import clean_key, clean_prefix

SECRET = b"private-bytes: emails, sessions, IPs"


@pytest.fixture(params=["local", "s3"])
def store(request, app):
    """Each test runs once per backend."""
    if request.param == "s3":
        return request.getfixturevalue("s3")
    assert isinstance(storage(), LocalStorage)
    return storage()


def _raw_get(live_server, path: str) -> tuple[int, bytes]:
    """GET `path` byte for byte as written (http.client neither normalises nor re-encodes)."""
    parts = urlsplit(live_server.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _private_objects() -> list[str]:
    """An original, an HLS segment, a poster and a data export, as the app lays them out."""
    video, user, export = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    keys = [
        f"private/videos/{video}/source",
        f"private/videos/{video}/hls/v1/360p/seg_00001.ts",
        f"private/videos/{video}/thumbs/v1.jpg",
        f"private/exports/{user}/{export}.json",
    ]
    for key in keys:
        storage().save(key, SECRET)
    return keys


def _disguises(key: str) -> list[str]:
    """Ways to spell `key` in a /media/ path that a naive prefix check lets through."""
    rest = key.removeprefix("private/")
    return [
        f"/media/x%2F..%2F{key}",
        f"/media/x/..%2F{key}",
        f"/media/./{key}",
        f"/media/%2E/{key}",
        f"/media/public/../{key}",
        f"/media/avatars/%2E%2E/{key}",
        f"/media//{key}",
        f"/media/private%2F{rest}",
        f"/media/x%5C..%5C{key}",
        f"/media/{key}%00",
        f"/media/private/./{rest}",
    ]


def test_dot_segment_and_encoded_paths_never_serve_private_media(app, live_server):
    for key in _private_objects():
        for path in _disguises(key):
            status, body = _raw_get(live_server, path)
            assert status in (400, 404), (path, status)
            assert SECRET not in body, path


def test_a_clean_signed_url_still_serves_and_its_signature_does_not_fit_a_dotted_spelling(
    app, live_server
):
    key = _private_objects()[0]
    signed = storage().signed_url(key, 60).replace(app.config["FRONTEND_URL"], "")
    assert _raw_get(live_server, signed) == (200, SECRET)
    query = signed.split("?", 1)[1]
    status, body = _raw_get(live_server, f"/media/private/./{key.removeprefix('private/')}?{query}")
    assert status in (400, 404) and SECRET not in body


@pytest.mark.parametrize(
    "key",
    [
        "public/../private/v/source",
        "./private/v/source",
        "private/v/.",
        "private//v/source",
        "/private/v/source",
        "private/v/source/",
        "private\\v\\source",
        "private/v/sou\x00rce",
        "private%2Fv%2Fsource",
        "private/v/%2e%2e/source",
        "private/v/.hidden",
        "",
    ],
)
def test_every_backend_refuses_a_key_that_is_not_normal(store, key):
    store.save("private/v/source", SECRET)
    calls = [
        lambda: store.save(key, b"x", "text/plain"),
        lambda: store.read(key),
        lambda: store.read_head(key, 4),
        lambda: store.size(key),
        lambda: store.exists(key),
        lambda: store.delete(key),
        lambda: store.url(key),
        lambda: store.signed_url(key, 60),
        lambda: store.presigned_put(key, "video/mp4", 60),
    ]
    for call in calls:
        with pytest.raises(NotFound):
            call()
    assert store.read("private/v/source") == SECRET
    assert store.list_prefix("private/v/") == ["private/v/source"]


def test_every_backend_refuses_a_prefix_that_is_not_normal(store):
    store.save("private/v/source", SECRET)
    for prefix in ("private/../", "./private/", "private//", "private/v/../"):
        with pytest.raises(NotFound):
            store.list_prefix(prefix)
        with pytest.raises(NotFound):
            store.delete_prefix(prefix)
    assert store.read("private/v/source") == SECRET


def test_clean_keys_pass_unchanged():
    for key in ("private/videos/a-b/hls/v1/360p/seg_00001.ts", "avatars/u/x.jpg", "a"):
        assert clean_key(key) == key
    assert clean_prefix("private/videos/x/") == "private/videos/x/"
    assert clean_prefix("private/videos/x") == "private/videos/x"
