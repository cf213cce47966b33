"""Direct uploads: a real presigned PUT over HTTP (local store or S3), then complete."""

import uuid
from datetime import timedelta

import pytest
import requests

from tests.videos.test_upload_form import assert_transcode_queued, row_counts
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.jobs import jobs
from watchparty.storage import storage
from watchparty.videos.containers import UNSUPPORTED_MESSAGE
from watchparty.videos.models import DIRECT, PROCESSING, UPLOADING, Video, VideoUpload

MB = 1024 * 1024


@pytest.fixture
def clip(clips):
    """A small, real MP4 (2 s, 320x240)."""
    return clips("small.mp4", seconds=2, size="320x240")


@pytest.fixture(autouse=True)
def fresh_storage(app, live_server, monkeypatch):
    """No objects from earlier tests; local upload URLs point at the live server."""
    monkeypatch.setitem(app.config, "FRONTEND_URL", live_server.url)
    for prefix in ("private/videos/", "private/uploads/"):
        storage().delete_prefix(prefix)
    yield
    jobs.wait_in_process()


def presign(client, headers, url="/api/videos/upload/s3/", **fields) -> dict:
    body = {"filename": "clip.mp4", "file_size": 1000, "content_type": "video/mp4", **fields}
    response = client.post(url, json=body, headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def put(grant: dict, data: bytes) -> None:
    """The client's own PUT, over real HTTP, to the URL it was granted."""
    response = requests.put(grant["upload_url"], data=data, headers=grant["headers"], timeout=30)
    assert response.status_code == 200, response.text


def complete(client, headers, upload_id, **body):
    return client.post(f"/api/videos/upload/{upload_id}/complete/", json=body, headers=headers)


def test_presign_put_and_complete_make_a_processing_video(client, me, clip, live_server):
    user, headers = me
    grant = presign(client, headers, file_size=clip.stat().st_size)
    assert grant["method"] == "PUT" and grant["file_key"].startswith("private/uploads/")
    assert grant["upload_url"].startswith(f"{live_server.url}/media/upload/")
    put(grant, clip.read_bytes())
    response = complete(client, headers, grant["upload_id"], title="Direct", tags=["x"])
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["upload_id"] == grant["upload_id"] and body["status"] == PROCESSING
    video = db.session.get(Video, uuid.UUID(body["video_id"]))
    assert video.owner_id == user.id and video.title == "Direct" and video.tags == ["x"]
    assert video.source_key == grant["file_key"] and video.file_size == clip.stat().st_size
    assert video.original_filename == "clip.mp4" and video.format == "mp4"
    assert_transcode_queued(video.id)


def test_presign_put_and_complete_on_s3_with_a_real_presigned_put(client, me, clip, s3):
    _user, headers = me
    grant = presign(client, headers, file_size=clip.stat().st_size)
    assert "X-Amz-Signature=" in grant["upload_url"]
    put(grant, clip.read_bytes())
    assert s3.read(grant["file_key"]) == clip.read_bytes()
    response = complete(client, headers, grant["upload_id"], title="On S3")
    assert response.status_code == 201, response.get_json()
    assert_transcode_queued(uuid.UUID(response.get_json()["video_id"]))


def test_integrations_presigned_upload_grants_the_same_upload(client, me, clip):
    _user, headers = me
    grant = presign(client, headers, url="/api/integrations/s3/presigned-upload/")
    assert {"upload_id", "upload_url", "file_key", "expires_at", "headers"} <= grant.keys()
    upload = db.session.get(VideoUpload, uuid.UUID(grant["upload_id"]))
    assert (upload.method, upload.status, upload.storage_key) == (
        DIRECT,
        "pending",
        grant["file_key"],
    )
    put(grant, clip.read_bytes())
    assert (
        complete(client, headers, grant["upload_id"], title="Via integrations").status_code == 201
    )


def test_json_create_then_upload_then_complete_without_a_title(client, me, clip):
    _user, headers = me
    body = {"title": "Made first", "visibility": "unlisted", "allow_download": True}
    response = client.post("/api/videos/", json=body, headers=headers)
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["status"] == UPLOADING and created["visibility"] == "unlisted"
    grant = created["upload"]
    put(grant, clip.read_bytes())
    done = complete(client, headers, grant["upload_id"])
    assert done.status_code == 201, done.get_json()
    assert done.get_json()["video_id"] == created["id"]
    assert done.get_json()["video"]["title"] == "Made first"
    assert_transcode_queued(uuid.UUID(created["id"]))


def test_json_create_refuses_unknown_fields(client, me):
    _user, headers = me
    response = client.post("/api/videos/", json={"title": "x", "owner": "me"}, headers=headers)
    assert response.status_code == 400 and "owner" in response.get_json()["errors"]
    assert row_counts() == (0, 0)


def test_presign_refuses_a_declared_size_over_the_limit(client, me, app, monkeypatch):
    _user, headers = me
    monkeypatch.setitem(app.config, "VIDEO_MAX_BYTES", 500 * MB)
    body = {"filename": "big.mp4", "file_size": 500 * MB + 1}
    response = client.post("/api/videos/upload/s3/", json=body, headers=headers)
    assert response.status_code == 413
    assert response.get_json()["errors"] == {"file_size": ["File size must be no more than 500MB."]}
    assert row_counts() == (0, 0)


def test_presign_refuses_an_extension_that_is_not_a_video(client, me):
    _user, headers = me
    body = {"filename": "notes.txt", "file_size": 10}
    response = client.post("/api/videos/upload/s3/", json=body, headers=headers)
    assert response.status_code == 415
    assert response.get_json()["errors"] == {"filename": [UNSUPPORTED_MESSAGE]}


def test_presign_requires_a_filename_and_a_positive_size(client, me):
    _user, headers = me
    response = client.post("/api/videos/upload/s3/", json={"file_size": 0}, headers=headers)
    assert response.status_code == 400
    assert {"filename", "file_size"} <= response.get_json()["errors"].keys()


def test_complete_before_the_upload_is_a_400(client, me):
    _user, headers = me
    grant = presign(client, headers)
    response = complete(client, headers, grant["upload_id"], title="Too soon")
    assert response.status_code == 400
    assert "video_file" in response.get_json()["errors"]
    assert row_counts() == (0, 1)


def test_complete_without_a_title_is_a_400(client, me, clip):
    _user, headers = me
    grant = presign(client, headers)
    put(grant, clip.read_bytes())
    response = complete(client, headers, grant["upload_id"])
    assert response.status_code == 400 and "title" in response.get_json()["errors"]


def test_complete_of_another_users_upload_is_a_404(client, me, users, clip):
    _user, headers = me
    grant = presign(client, headers)
    put(grant, clip.read_bytes())
    other = users.session_headers(users.create())
    assert complete(client, other, grant["upload_id"], title="Mine now").status_code == 404
    assert complete(client, headers, uuid.uuid4(), title="Nothing").status_code == 404


def test_a_second_complete_is_a_409(client, me, clip):
    _user, headers = me
    grant = presign(client, headers)
    put(grant, clip.read_bytes())
    assert complete(client, headers, grant["upload_id"], title="Once").status_code == 201
    again = complete(client, headers, grant["upload_id"], title="Twice")
    assert again.status_code == 409
    assert row_counts() == (1, 1)


def test_an_expired_upload_is_a_410_and_its_object_deleted(client, me, clip):
    _user, headers = me
    grant = presign(client, headers)
    put(grant, clip.read_bytes())
    upload = db.session.get(VideoUpload, uuid.UUID(grant["upload_id"]))
    upload.expires_at = utcnow() - timedelta(days=1)
    db.session.commit()
    response = complete(client, headers, grant["upload_id"], title="Late")
    assert response.status_code == 410
    assert not storage().exists(grant["file_key"])


def test_an_oversized_object_at_complete_is_a_413_and_deleted(client, me, clip, app, monkeypatch):
    _user, headers = me
    grant = presign(client, headers)
    put(grant, clip.read_bytes())
    monkeypatch.setitem(app.config, "VIDEO_MAX_BYTES", 1024)  # smaller than what was PUT
    response = complete(client, headers, grant["upload_id"], title="Too big")
    assert response.status_code == 413
    assert "video_file" in response.get_json()["errors"]
    assert not storage().exists(grant["file_key"]) and row_counts() == (0, 1)


def test_an_object_that_is_not_a_video_is_a_415_at_complete_and_deleted(client, me, s3):
    _user, headers = me
    grant = presign(client, headers)
    put(grant, b"just some text, not a movie\n" * 50)
    response = complete(client, headers, grant["upload_id"], title="Text")
    assert response.status_code == 415
    assert response.get_json()["errors"] == {"video_file": [UNSUPPORTED_MESSAGE]}
    assert not s3.exists(grant["file_key"]) and row_counts() == (0, 1)


def test_status_follows_the_upload_for_its_owner_only(client, me, users, clip):
    _user, headers = me
    grant = presign(client, headers)
    url = f"/api/videos/upload/{grant['upload_id']}/status/"
    before = client.get(url, headers=headers)
    assert before.status_code == 200
    assert before.get_json()["status"] == UPLOADING and before.get_json()["video_id"] is None
    put(grant, clip.read_bytes())
    video_id = complete(client, headers, grant["upload_id"], title="S").get_json()["video_id"]
    after = client.get(url, headers=headers).get_json()
    assert after["video_id"] == video_id and after["status"] in (PROCESSING, "ready", "failed")
    assert set(after) >= {"progress", "estimated_completion", "failure_reason", "processing_steps"}
    other = users.session_headers(users.create())
    assert client.get(url, headers=other).status_code == 404
    assert client.get(url).status_code == 401
