"""The storage interface behaves the same on the local folder and on S3 (moto over HTTP)."""

import io

import pytest
import requests

from watchparty.storage import LocalStorage, storage


@pytest.fixture(params=["local", "s3"])
def store(request, app):
    """Each test runs once per backend."""
    if request.param == "s3":
        return request.getfixturevalue("s3")
    assert isinstance(storage(), LocalStorage)
    return storage()


def test_saves_reads_sizes_and_deletes_objects(store):
    store.save("private/t/a.bin", b"hello")
    assert store.read("private/t/a.bin") == b"hello"
    assert store.read_head("private/t/a.bin", 2) == b"he"
    assert store.size("private/t/a.bin") == 5 and store.exists("private/t/a.bin")
    store.delete("private/t/a.bin")
    assert store.size("private/t/a.bin") is None


def test_streams_a_file_object_and_lists_then_deletes_a_prefix(store):
    size = store.save_file("private/p/x/one", io.BytesIO(b"1" * 70_000))
    store.save("private/p/x/two", b"2")
    store.save("private/p/y", b"3")
    assert size == 70_000
    assert store.list_prefix("private/p/x/") == ["private/p/x/one", "private/p/x/two"]
    store.delete_prefix("private/p/x/")
    assert store.list_prefix("private/p/") == ["private/p/y"]


def test_local_copy_gives_a_readable_path(store):
    store.save("private/c/file", b"abc")
    with store.local_copy("private/c/file") as path:
        assert path.read_bytes() == b"abc"


def test_signed_url_serves_a_private_object_over_http_and_unsigned_does_not(
    store, live_server, app
):
    store.save("private/s/seg.ts", b"segment-bytes")
    url = store.signed_url("private/s/seg.ts", 60)
    if isinstance(store, LocalStorage):
        url = url.replace(app.config["FRONTEND_URL"], live_server.url)
        unsigned = requests.get(f"{live_server.url}/media/private/s/seg.ts", timeout=5)
        assert unsigned.status_code == 404
    response = requests.get(url, timeout=5)
    assert response.status_code == 200 and response.content == b"segment-bytes"


def test_signed_url_honours_range_requests(store, live_server, app):
    store.save("private/r/file.mp4", bytes(range(256)) * 4)
    url = store.signed_url("private/r/file.mp4", 60)
    url = url.replace(app.config["FRONTEND_URL"], live_server.url)
    response = requests.get(url, headers={"Range": "bytes=10-19"}, timeout=5)
    assert response.status_code == 206
    assert response.content == (bytes(range(256)) * 4)[10:20]


def test_a_tampered_local_signature_is_refused(app, client):
    storage().save("private/t/secret", b"x")
    url = storage().signed_url("private/t/secret", 60).replace(app.config["FRONTEND_URL"], "")
    assert client.get(url).status_code == 200
    assert client.get(url[:-1] + ("0" if url[-1] != "0" else "1")).status_code == 404


def test_presigned_put_uploads_straight_to_the_store(store, live_server, app):
    grant = store.presigned_put("private/u/source", "video/mp4", 300)
    url = grant["url"].replace(app.config["FRONTEND_URL"], live_server.url)
    response = requests.put(url, data=b"video-bytes", headers=grant["headers"], timeout=10)
    assert response.status_code == 200
    assert store.read("private/u/source") == b"video-bytes"


def test_a_forged_local_upload_token_is_refused(client):
    response = client.put("/media/upload/forged-token", data=b"x")
    assert response.status_code == 403
    assert response.get_json()["error"] == "forbidden"


def test_local_direct_upload_over_the_limit_is_413_and_leaves_nothing(app, client):
    grant = storage().presigned_put("private/u/big", "video/mp4", 300)
    path = grant["url"].replace(app.config["FRONTEND_URL"], "")
    app.config["VIDEO_MAX_BYTES"] = 10
    try:
        response = client.put(path, data=b"x" * 11, headers=grant["headers"])
    finally:
        app.config["VIDEO_MAX_BYTES"] = 500 * 1024 * 1024
    assert response.status_code == 413
    assert not storage().exists("private/u/big")
