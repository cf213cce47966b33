"""/api/integrations/: S3 health, uploads relayed to storage, signed URLs to uploaded files."""

import io
import uuid

import pytest
import requests

from tests.videos.test_upload_form import row_counts, stored_objects
from watchparty.extensions import db
from watchparty.storage import LocalStorage, storage
from watchparty.videos.containers import UNSUPPORTED_MESSAGE
from watchparty.videos.models import DIRECT, PENDING, VideoUpload

pytestmark = pytest.mark.usefixtures("fresh_uploads")


def relay(client, headers, data: bytes, name="small_clip.mp4", field="file"):
    body = {field: (io.BytesIO(data), name)}
    return client.post(
        "/api/integrations/s3/upload/",
        data=body,
        headers=headers,
        content_type="multipart/form-data",
    )


def test_health_reports_local_storage_and_s3_not_configured(client):
    body = client.get("/api/integrations/health/").get_json()
    assert body["status"] == "healthy"
    assert body["services"]["aws_s3"] == "not_configured"
    assert body["services"]["storage"] == "local"


def test_health_reports_s3_available_when_the_bucket_answers(client, s3):
    body = client.get("/api/integrations/health/").get_json()
    assert body["services"]["aws_s3"] == "available" and body["services"]["storage"] == "s3"
    assert body["status"] == "healthy"


def test_health_reports_s3_unavailable_when_the_endpoint_is_down(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "S3_BUCKET", "nowhere")
    monkeypatch.setitem(app.config, "S3_ENDPOINT_URL", "http://127.0.0.1:9")
    body = client.get("/api/integrations/health/").get_json()
    assert body["services"]["aws_s3"] == "unavailable" and body["status"] == "degraded"


def test_relayed_upload_is_stored_pending_and_completes_into_a_video(client, me, small_clip):
    _user, headers = me
    response = relay(client, headers, small_clip.read_bytes())
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["size"] == small_clip.stat().st_size
    assert storage().read(body["file_key"]) == small_clip.read_bytes()
    upload = db.session.get(VideoUpload, uuid.UUID(body["upload_id"]))
    assert (upload.method, upload.status, upload.video_id) == (DIRECT, PENDING, None)
    done = client.post(
        f"/api/videos/upload/{body['upload_id']}/complete/",
        json={"title": "Relayed"},
        headers=headers,
    )
    assert done.status_code == 201, done.get_json()
    assert done.get_json()["video"]["title"] == "Relayed"


def test_relayed_upload_lands_in_the_s3_bucket(client, me, small_clip, s3):
    _user, headers = me
    response = relay(client, headers, small_clip.read_bytes(), field="video_file")
    assert response.status_code == 201, response.get_json()
    assert s3.read(response.get_json()["file_key"]) == small_clip.read_bytes()


def test_relayed_text_file_is_a_415_and_stores_nothing(client, me):
    _user, headers = me
    response = relay(client, headers, b"plain text\n" * 100, name="fake.mp4")
    assert response.status_code == 415
    assert response.get_json()["errors"] == {"file": [UNSUPPORTED_MESSAGE]}
    assert stored_objects() == [] and row_counts() == (0, 0)


def test_relayed_upload_over_the_limit_is_a_413(client, me, app, monkeypatch):
    _user, headers = me
    monkeypatch.setitem(app.config, "VIDEO_MAX_BYTES", 1024 * 1024)
    response = relay(client, headers, b"\0\0\0\x18ftypisom" + bytes(3 * 1024 * 1024))
    assert response.status_code == 413
    assert response.get_json()["errors"] == {"file": ["File size must be no more than 1MB."]}
    assert stored_objects() == [] and row_counts() == (0, 0)


def test_relay_without_a_file_is_a_400_and_anonymous_is_a_401(client, me):
    _user, headers = me
    response = client.post(
        "/api/integrations/s3/upload/", data={}, headers=headers, content_type="multipart/form-data"
    )
    assert response.status_code == 400 and "file" in response.get_json()["errors"]
    assert relay(client, {}, b"x").status_code == 401


@pytest.mark.parametrize("backend", ["local", "s3"])
def test_streaming_url_serves_the_callers_file_over_http(
    backend, request, client, me, small_clip, live_server, app
):
    if backend == "s3":
        request.getfixturevalue("s3")
    _user, headers = me
    key = relay(client, headers, small_clip.read_bytes()).get_json()["file_key"]
    response = client.get(f"/api/integrations/s3/files/{key}/streaming-url/", headers=headers)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["expires_at"].endswith("Z")
    url = body["streaming_url"]
    if isinstance(storage(), LocalStorage):
        url = url.replace(app.config["FRONTEND_URL"], live_server.url)
    fetched = requests.get(url, timeout=10)
    assert fetched.status_code == 200 and fetched.content == small_clip.read_bytes()


def test_streaming_url_is_a_404_for_someone_elses_or_an_unknown_file(client, me, users, small_clip):
    _user, headers = me
    key = relay(client, headers, small_clip.read_bytes()).get_json()["file_key"]
    other = users.session_headers(users.create())
    url = f"/api/integrations/s3/files/{key}/streaming-url/"
    assert client.get(url, headers=other).status_code == 404
    missing = "/api/integrations/s3/files/private/uploads/nope/source/streaming-url/"
    assert client.get(missing, headers=headers).status_code == 404
    escape = "/api/integrations/s3/files/../../etc/passwd/streaming-url/"
    assert client.get(escape, headers=headers).status_code == 404
