"""/media/ answers with the content type recorded when the object was written, never a type
guessed from the URL, and keeps private files away from other origins' scripts."""

import uuid

import pytest
import requests

from watchparty.storage import LocalStorage, storage

PAGE = b"<script>alert(document.cookie)</script>"


@pytest.fixture(params=["local", "s3"])
def store(request, app):
    """Each test runs once per backend."""
    if request.param == "s3":
        return request.getfixturevalue("s3")
    assert isinstance(storage(), LocalStorage)
    return storage()


def _path(app, url: str) -> str:
    return url.replace(app.config["FRONTEND_URL"], "")


def test_media_serves_the_stored_type_not_the_one_the_name_suggests(app, client):
    storage().save("avatars/t/page.html", PAGE, "text/plain")
    response = client.get("/media/avatars/t/page.html")
    assert response.status_code == 200 and response.data == PAGE
    assert response.mimetype == "text/plain"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]


def test_a_private_object_without_extension_is_served_as_the_type_it_was_saved_with(app, client):
    key = f"private/videos/{uuid.uuid4()}/source"
    storage().save(key, b"\x00\x00\x00\x18ftypisom", "video/mp4")
    response = client.get(_path(app, storage().signed_url(key, 60)))
    assert response.status_code == 200 and response.mimetype == "video/mp4"


def test_a_malformed_type_is_not_stored_and_the_key_type_is_used(app, client):
    storage().save("avatars/t/face.png", b"png", "text/html\r\nSet-Cookie: a=b")
    response = client.get("/media/avatars/t/face.png")
    assert response.mimetype == "image/png" and "Set-Cookie" not in response.headers


def test_a_direct_upload_is_served_with_the_type_its_grant_named(app, client):
    key = f"private/uploads/{uuid.uuid4()}/source"
    grant = storage().presigned_put(key, "video/webm", 300)
    put = client.put(_path(app, grant["url"]), data=b"\x1a\x45\xdf\xa3", headers=grant["headers"])
    assert put.status_code == 200
    response = client.get(_path(app, storage().signed_url(key, 60)))
    assert response.status_code == 200 and response.mimetype == "video/webm"


def test_every_backend_records_a_type_for_objects_saved_without_one(store, app, live_server):
    store.save("avatars/t/a.jpg", b"\xff\xd8\xff")
    store.save("private/exports/u/e.json", b"{}")
    for key, kind in (("avatars/t/a.jpg", "image/jpeg"), ("private/exports/u/e.json", "json")):
        url = store.signed_url(key, 60).replace(app.config["FRONTEND_URL"], live_server.url)
        response = requests.get(url, timeout=5)
        assert response.status_code == 200 and kind in response.headers["Content-Type"], key


def test_private_media_gets_no_wildcard_cors_but_public_media_keeps_it(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "CORS_ORIGINS", ["https://app.example"])
    storage().save("avatars/t/p.jpg", b"\xff\xd8\xff", "image/jpeg")
    key = f"private/videos/{uuid.uuid4()}/hls/v1/360p/seg_00001.ts"
    storage().save(key, b"\x47" * 188, "video/mp2t")
    signed = _path(app, storage().signed_url(key, 60))
    assert client.get("/media/avatars/t/p.jpg").headers["Access-Control-Allow-Origin"] == "*"
    plain = client.get(signed, headers={"Origin": "https://evil.example"})
    assert plain.status_code == 200 and "Access-Control-Allow-Origin" not in plain.headers
    assert "Origin" in plain.headers["Vary"]
    ours = client.get(signed, headers={"Origin": "https://app.example"})
    assert ours.headers["Access-Control-Allow-Origin"] == "https://app.example"
