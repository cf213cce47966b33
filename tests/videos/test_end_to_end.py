"""The whole pipeline through the API: upload -> worker -> ready -> HLS over HTTP -> seeking.

Real ffmpeg makes the clip and the ladder; the playlists and segments are fetched over real
HTTP from the live server (local storage) or from the S3-compatible server (moto).
"""

import re
import uuid

import pytest
import requests

from tests.videos.clips import can_decode
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.videos import keys
from watchparty.videos.models import Video

FAST = {"TRANSCODE_PRESET": "ultrafast", "HLS_SEGMENT_SECONDS": 1, "TRANSCODE_RETRIES": 0}


@pytest.fixture
def served(app, live_server, monkeypatch):
    """The API's absolute URLs point at the live server; transcodes are quick."""
    monkeypatch.setitem(app.config, "FRONTEND_URL", live_server.url)
    for key, value in FAST.items():
        monkeypatch.setitem(app.config, key, value)
    return live_server


def _uris(playlist: str) -> list[str]:
    return [line for line in playlist.splitlines() if line and not line.startswith("#")]


def _upload(client, headers, path, **fields) -> dict:
    with open(path, "rb") as handle:
        data = {"title": "Holiday", "video_file": (handle, path.name)} | fields
        response = client.post("/api/videos/upload/", data=data, headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _assert_plays(client, headers, video_id: str) -> None:
    """Ready, >= 2 variants, every playlist and segment fetchable, decodable and seekable."""
    info = client.get(f"/api/videos/{video_id}/stream/", headers=headers).get_json()
    master = requests.get(info["streaming_url"], timeout=10)
    assert master.status_code == 200
    variants = _uris(master.text)
    assert len(variants) >= 2
    assert re.findall(r"RESOLUTION=(\d+)x(\d+)", master.text)
    for variant in variants:
        playlist = requests.get(variant, timeout=10)
        assert playlist.status_code == 200
        for segment in _uris(playlist.text):
            assert requests.get(segment, timeout=10).status_code == 200
        assert can_decode(variant)
    first_segment = _uris(requests.get(variants[0], timeout=10).text)[0]
    whole = requests.get(first_segment, timeout=10).content
    seek = requests.get(first_segment, headers={"Range": "bytes=376-751"}, timeout=10)
    assert seek.status_code == 206 and seek.content == whole[376:752]


def test_an_upload_becomes_a_playable_adaptive_stream(client, me, clips, served, run_jobs):
    user, headers = me
    upload = _upload(client, headers, clips("e2e-720p.mp4", seconds=3, size="1280x720"))
    run_jobs()
    status = client.get(f"/api/videos/upload/{upload['upload_id']}/status/", headers=headers)
    assert status.get_json()["status"] == "ready" and status.get_json()["progress"] == 100
    video = client.get(f"/api/videos/{upload['video_id']}/", headers=headers).get_json()
    assert video["resolution"] == "1280x720" and video["duration"] == pytest.approx(3, abs=0.1)
    assert video["quality_variants"] == ["240p", "360p", "480p", "720p"]
    _assert_plays(client, headers, upload["video_id"])


def test_a_direct_upload_to_s3_becomes_a_playable_stream(client, me, clips, served, s3, run_jobs):
    user, headers = me
    path = clips("e2e-s3.webm", seconds=2, size="640x360", container="webm")
    grant = client.post(
        "/api/videos/upload/s3/",
        json={
            "filename": "trip.webm",
            "file_size": path.stat().st_size,
            "content_type": "video/webm",
        },
        headers=headers,
    ).get_json()
    put = requests.put(
        grant["upload_url"], data=path.read_bytes(), headers=grant["headers"], timeout=30
    )
    assert put.status_code == 200
    done = client.post(
        f"/api/videos/upload/{grant['upload_id']}/complete/",
        json={"title": "Trip"},
        headers=headers,
    )
    assert done.status_code == 201, done.get_json()
    run_jobs()
    video = db.session.get(Video, uuid.UUID(done.get_json()["video_id"]))
    assert video.status == "ready" and video.format == "webm"
    _assert_plays(client, headers, str(video.id))


def test_a_truncated_upload_fails_with_a_reason_and_leaves_no_files(
    client, me, clips, served, run_jobs, tmp_path
):
    user, headers = me
    whole = clips("e2e-trunc.mp4", seconds=3, size="640x360").read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole[: len(whole) // 2])
    upload = _upload(client, headers, cut)
    run_jobs()
    status = client.get(f"/api/videos/upload/{upload['upload_id']}/status/", headers=headers)
    body = status.get_json()
    assert body["status"] == "failed" and "corrupt" in body["failure_reason"]
    assert storage().list_prefix(keys.video_prefix(upload["video_id"])) == []
    stream = client.get(f"/api/videos/{upload['video_id']}/stream/", headers=headers)
    assert stream.status_code == 409
