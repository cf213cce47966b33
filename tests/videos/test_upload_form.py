"""Multipart uploads: streamed to storage, sniffed by content, capped while streaming."""

import http.client
import io
import select
import socket
import uuid

import pytest
from PIL import Image
from redis import Redis
from rq import Queue
from sqlalchemy import func
from sqlalchemy import select as sql_select

from watchparty.extensions import db
from watchparty.jobs import QUEUES, jobs
from watchparty.storage import storage
from watchparty.videos.containers import UNSUPPORTED_MESSAGE
from watchparty.videos.models import FORM, PRIVATE, PROCESSING, UPLOADING, Video, VideoUpload

MB = 1024 * 1024


pytestmark = pytest.mark.usefixtures("fresh_uploads")


def assert_transcode_queued(video_id) -> None:
    """With Redis, the `transcode` RQ queue holds the video's job; embedded, processing began."""
    if jobs.redis is not None:
        queued = [job.args for job in jobs.queue("transcode").get_jobs()]
        assert (str(video_id),) in queued
    else:
        db.session.expire_all()
        assert db.session.get(Video, video_id).status != UPLOADING


def stored_objects() -> list[str]:
    """Every object under the private videos and uploads prefixes."""
    return storage().list_prefix("private/videos/") + storage().list_prefix("private/uploads/")


def row_counts() -> tuple[int, int]:
    return (
        db.session.scalar(sql_select(func.count()).select_from(Video)),
        db.session.scalar(sql_select(func.count()).select_from(VideoUpload)),
    )


def form(path, name: str | None = None, **fields) -> dict:
    """A multipart body: the file at `path` as `video_file` (named `name`) and text fields."""
    data = {"title": "My small_clip", "description": "A test", **fields}
    data["video_file"] = (io.BytesIO(path.read_bytes()), name or path.name)
    return data


def post(client, headers, data, url="/api/videos/upload/"):
    return client.post(url, data=data, headers=headers, content_type="multipart/form-data")


def test_upload_stores_the_source_and_queues_a_transcode(client, me, small_clip):
    user, headers = me
    response = post(client, headers, form(small_clip, category="movies", tags="a, b"))
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["status"] == PROCESSING and body["video"]["title"] == "My small_clip"
    video = db.session.get(Video, uuid.UUID(body["video_id"]))
    assert video.owner_id == user.id and video.format == "mp4"
    assert video.tags == ["a", "b"] and video.category == "movies"
    assert storage().read(video.source_key) == small_clip.read_bytes()
    assert video.file_size == small_clip.stat().st_size
    upload = db.session.get(VideoUpload, uuid.UUID(body["upload_id"]))
    assert (upload.method, upload.status, upload.video_id) == (FORM, "completed", video.id)
    assert_transcode_queued(video.id)


def test_upload_to_s3_stores_the_source_in_the_bucket(client, me, small_clip, s3):
    _user, headers = me
    response = post(client, headers, form(small_clip))
    assert response.status_code == 201, response.get_json()
    video = db.session.get(Video, uuid.UUID(response.get_json()["video_id"]))
    assert s3.read(video.source_key) == small_clip.read_bytes()
    assert_transcode_queued(video.id)


def test_post_videos_with_a_file_returns_the_video(client, me, small_clip):
    _user, headers = me
    data = form(small_clip, is_public="false")
    data["file"] = data.pop("video_file")  # seed 003's other name for the file
    response = post(client, headers, data, url="/api/videos/")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["status"] == PROCESSING and body["visibility"] == PRIVATE
    assert_transcode_queued(uuid.UUID(body["id"]))


def test_repeated_tag_fields_are_all_kept(client, me, small_clip):
    _user, headers = me
    data = form(small_clip)
    data["tags"] = ["one", "two,three"]
    response = post(client, headers, data)
    assert response.status_code == 201
    assert response.get_json()["video"]["tags"] == ["one", "two", "three"]


def test_refuses_a_text_file_named_mp4_with_415_and_stores_nothing(client, me, tmp_path):
    _user, headers = me
    fake = tmp_path / "movie.mp4"
    fake.write_text("definitely not a video\n" * 100)
    response = post(client, headers, form(fake))
    assert response.status_code == 415
    assert response.get_json()["errors"] == {"video_file": [UNSUPPORTED_MESSAGE]}
    assert stored_objects() == [] and row_counts() == (0, 0)


def test_accepts_a_webm_whatever_its_name(client, me, clips):
    _user, headers = me
    webm = clips("small.webm", seconds=2, size="320x240")
    response = post(client, headers, form(webm, name="holiday.mp4"))
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["video"]["format"] == "webm"


def test_refuses_a_file_over_the_limit_with_413_and_stores_nothing(client, me, app, monkeypatch):
    _user, headers = me
    monkeypatch.setitem(app.config, "VIDEO_MAX_BYTES", MB)
    data = {"title": "Big", "video_file": (io.BytesIO(b"\0\0\0\x18ftypisom" + bytes(MB)), "b.mp4")}
    response = post(client, headers, data)
    assert response.status_code == 413
    body = response.get_json()
    assert body["errors"] == {"video_file": ["File size must be no more than 1MB."]}
    assert body["message"] == "File size must be no more than 1MB."
    assert stored_objects() == [] and row_counts() == (0, 0)


def test_refuses_a_body_over_the_cap_before_parsing_it(client, me, app, monkeypatch):
    _user, headers = me
    monkeypatch.setitem(app.config, "VIDEO_MAX_BYTES", MB)
    payload = b"\0\0\0\x18ftypisom" + bytes(4 * MB)  # beyond the cap with every allowance
    response = post(client, headers, {"title": "Big", "video_file": (io.BytesIO(payload), "b.mp4")})
    assert response.status_code == 413
    assert response.get_json()["errors"] == {"video_file": ["File size must be no more than 1MB."]}
    assert stored_objects() == [] and row_counts() == (0, 0)


def _chunked_upload(url: str, headers: dict, parts: list[bytes], boundary: str):
    """POST a multipart body with chunked transfer encoding on a raw socket; stop sending as
    soon as the server answers. Returns (status, body, bytes sent, bytes offered)."""
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    lines = [
        "POST /api/videos/upload/ HTTP/1.1",
        f"Host: {host}",
        f"Content-Type: multipart/form-data; boundary={boundary}",
        "Transfer-Encoding: chunked",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    sent = 0
    try:
        for part in parts:
            if select.select([sock], [], [], 0)[0]:
                break  # the server answered early: it refused the body while streaming
            sock.sendall(b"%x\r\n%s\r\n" % (len(part), part))
            sent += len(part)
        else:
            sock.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    response = http.client.HTTPResponse(sock)
    response.begin()
    body = response.read()
    sock.close()
    return response.status, body, sent, sum(len(p) for p in parts)


def _multipart_parts(payload: bytes, boundary: str, chunk: int = 64 * 1024) -> list[bytes]:
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nStreamed\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="video_file"; filename="s.mp4"\r\n'
        "Content-Type: video/mp4\r\n\r\n"
    ).encode()
    body = head + payload + f"\r\n--{boundary}--\r\n".encode()
    return [body[i : i + chunk] for i in range(0, len(body), chunk)]


def test_accepts_a_chunked_upload_without_content_length(live_server, me, small_clip):
    _user, headers = me
    parts = _multipart_parts(small_clip.read_bytes(), "xyzBOUNDARY")
    status, body, sent, total = _chunked_upload(live_server.url, headers, parts, "xyzBOUNDARY")
    assert status == 201, body
    assert sent == total
    video = db.session.scalars(sql_select(Video)).one()
    assert storage().read(video.source_key) == small_clip.read_bytes()


def test_refuses_a_chunked_body_over_the_limit_while_streaming(live_server, me, app, monkeypatch):
    _user, headers = me
    monkeypatch.setitem(app.config, "VIDEO_MAX_BYTES", MB)
    payload = b"\0\0\0\x18ftypisom" + bytes(40 * MB)
    parts = _multipart_parts(payload, "xyzBOUNDARY")
    status, body, sent, total = _chunked_upload(live_server.url, headers, parts, "xyzBOUNDARY")
    assert status == 413, body
    assert b"File size must be no more than 1MB." in body
    assert sent < total  # refused long before the end of the body
    assert stored_objects() == [] and row_counts() == (0, 0)


def test_missing_title_is_a_400_with_a_field_error(client, me, small_clip):
    _user, headers = me
    data = form(small_clip)
    del data["title"]
    response = post(client, headers, data)
    assert response.status_code == 400
    assert "title" in response.get_json()["errors"]
    assert stored_objects() == [] and row_counts() == (0, 0)


def test_missing_file_is_a_400_with_a_field_error(client, me):
    _user, headers = me
    response = post(client, headers, {"title": "No file"})
    assert response.status_code == 400
    assert response.get_json()["errors"] == {"video_file": ["No file was submitted."]}


def test_negative_duration_is_a_400_with_seed_message(client, me, small_clip):
    _user, headers = me
    response = post(client, headers, form(small_clip, duration="-3"))
    assert response.status_code == 400
    assert response.get_json()["errors"] == {"duration": ["Duration must be greater than 0."]}
    assert stored_objects() == [] and row_counts() == (0, 0)


def test_unauthenticated_upload_is_a_401_and_stores_nothing(client, small_clip):
    response = post(client, {}, form(small_clip))
    assert response.status_code == 401
    assert response.get_json()["success"] is False
    assert stored_objects() == [] and row_counts() == (0, 0)


def test_custom_thumbnail_is_reencoded_and_stored(client, me, small_clip):
    _user, headers = me
    image = io.BytesIO()
    Image.new("RGBA", (1600, 900), (200, 10, 10, 255)).save(image, "PNG")
    data = form(small_clip)
    data["thumbnail"] = (io.BytesIO(image.getvalue()), "poster.png")
    response = post(client, headers, data)
    assert response.status_code == 201, response.get_json()
    video = db.session.get(Video, uuid.UUID(response.get_json()["video_id"]))
    assert video.thumbnail_key.endswith("thumbs/custom.jpg")
    with Image.open(io.BytesIO(storage().read(video.thumbnail_key))) as stored:
        assert stored.format == "JPEG" and stored.size == (1280, 720)
    assert response.get_json()["video"]["thumbnail_url"].endswith(f"/{video.id}/thumbnail/")


def test_a_thumbnail_that_is_not_an_image_is_a_415_and_stores_nothing(client, me, small_clip):
    _user, headers = me
    data = form(small_clip)
    data["thumbnail"] = (io.BytesIO(b"<svg>nope</svg>"), "poster.png")
    response = post(client, headers, data)
    assert response.status_code == 415
    assert "thumbnail" in response.get_json()["errors"]
    assert stored_objects() == [] and row_counts() == (0, 0)


def test_a_queue_failure_after_storing_leaves_nothing_behind(client, me, small_clip, app):
    _user, headers = me
    # A real Redis client pointed at a closed port: the enqueue fails after the bytes are stored.
    dead = Redis.from_url("redis://127.0.0.1:9/0", socket_connect_timeout=1)
    state = app.extensions["jobs"]
    app.extensions["jobs"] = {
        "redis": dead,
        "queues": {q: Queue(q, connection=dead) for q in QUEUES},
    }
    try:
        response = post(client, headers, form(small_clip))
    finally:
        app.extensions["jobs"] = state
    assert response.status_code == 503
    assert stored_objects() == [] and row_counts() == (0, 0)
