"""Playback over real HTTP: stream info, rewritten HLS playlists, signed segments, proxy, thumbnail.

Each storage-dependent test runs on the local folder and on S3 (moto over HTTP).
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.helpers import assert_error
from tests.videos.clips import can_decode
from tests.videos.factories import make_video, ready_video
from watchparty.storage import LocalStorage, storage
from watchparty.videos import playback_tokens
from watchparty.videos.models import PRIVATE, PROCESSING, UNLISTED, Video

HLS = "application/vnd.apple.mpegurl"


@pytest.fixture(params=["local", "s3"])
def backend(request, app):
    """Run once per storage backend."""
    if request.param == "s3":
        return request.getfixturevalue("s3")
    assert isinstance(storage(), LocalStorage)
    return storage()


@pytest.fixture
def served(app, live_server, monkeypatch):
    """Absolute URLs the API hands out point at the live server."""
    monkeypatch.setitem(app.config, "FRONTEND_URL", live_server.url)
    return live_server


@pytest.fixture
def clip(clips):
    return clips("h3-360p.mp4", seconds=3, size="640x360")


def _uris(playlist: str) -> list[str]:
    return [line for line in playlist.splitlines() if line and not line.startswith("#")]


def _stream(client, headers, video) -> dict:
    response = client.get(f"/api/videos/{video.id}/stream/", headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_owner_gets_a_master_playlist_whose_every_playlist_and_segment_plays(
    client, me, clip, backend, served
):
    user, headers = me
    video = ready_video(user, clip, visibility=PRIVATE)
    info = _stream(client, headers, video)
    assert info["mime_type"] == HLS and info["duration"] == 3.0
    assert info["quality_variants"] == ["360p", "240p"] and info["expires_at"].endswith("Z")
    master = requests.get(info["streaming_url"], timeout=10)
    assert master.status_code == 200
    assert master.headers["Content-Type"].startswith(HLS)
    assert master.headers["Access-Control-Allow-Origin"] == "*"
    variants = _uris(master.text)
    assert master.text.count("#EXT-X-STREAM-INF") == 2 and len(variants) == 2
    for variant in variants:
        playlist = requests.get(variant, timeout=10)
        assert playlist.status_code == 200 and playlist.headers["Content-Type"].startswith(HLS)
        segments = _uris(playlist.text)
        assert len(segments) == 3
        for segment in segments:
            fetched = requests.get(segment, timeout=10)
            assert fetched.status_code == 200 and fetched.content[:1] == b"\x47"  # TS sync byte
    assert can_decode(info["streaming_url"])


def test_a_range_request_on_a_segment_returns_206_with_those_bytes(
    client, me, clip, backend, served
):
    user, headers = me
    video = ready_video(user, clip)
    info = _stream(client, headers, video)
    variant = _uris(requests.get(info["streaming_url"], timeout=10).text)[0]
    segment = _uris(requests.get(variant, timeout=10).text)[0]
    whole = storage().read(f"{video.hls_prefix}360p/seg_00001.ts")
    part = requests.get(segment, headers={"Range": "bytes=188-375"}, timeout=10)
    assert part.status_code == 206 and part.content == whole[188:376]


def test_proxy_streams_the_source_with_range_support(client, me, clip, backend):
    user, headers = me
    video = ready_video(user, clip)
    source = clip.read_bytes()
    full = client.get(f"/api/videos/{video.id}/proxy/", headers=headers)
    assert full.status_code == 200 and full.data == source and full.mimetype == "video/mp4"
    part = client.get(f"/api/videos/{video.id}/proxy/", headers=headers | {"Range": "bytes=4-11"})
    assert part.status_code == 206 and part.data == source[4:12] and part.data == b"ftypisom"


def test_public_video_playlists_need_no_token_but_private_ones_do(client, users, me, clip):
    user, _ = me
    public = ready_video(user, clip)
    private = ready_video(user, clip, visibility=PRIVATE)
    response = client.get(f"/api/videos/{public.id}/hls/master.m3u8")
    assert response.status_code == 200 and "360p/index.m3u8" in response.get_data(as_text=True)
    assert_error(client.get(f"/api/videos/{private.id}/hls/master.m3u8"), 404)


def test_bad_expired_or_other_video_tokens_are_refused_with_403(app, client, me, clip, monkeypatch):
    user, headers = me
    video, other = ready_video(user, clip, visibility=PRIVATE), make_video(user)
    url = f"/api/videos/{video.id}/hls/master.m3u8"
    good = parse_qs(urlsplit(_stream(client, headers, video)["streaming_url"]).query)["token"][0]
    assert client.get(f"{url}?token={good}").status_code == 200
    assert_error(client.get(f"{url}?token={good[:-2]}xx"), 403)
    foreign = playback_tokens.issue(other.id, user.id)
    assert_error(client.get(f"{url}?token={foreign}"), 403, "invalid_playback_token")
    monkeypatch.setitem(app.config, "PLAYBACK_URL_TTL", -1)
    assert_error(client.get(f"{url}?token={good}"), 403, "invalid_playback_token")


def test_playlist_names_outside_the_ladder_are_404(client, me, clip):
    user, headers = me
    video = ready_video(user, clip)
    for name in ("../../source.m3u8", "360p/seg_00001.ts", "missing/index.m3u8"):
        assert_error(client.get(f"/api/videos/{video.id}/hls/{name}", headers=headers), 404)


def test_stream_is_409_with_the_status_while_processing(client, me):
    user, headers = me
    video = make_video(user, status=PROCESSING)
    body = assert_error(client.get(f"/api/videos/{video.id}/stream/", headers=headers), 409)
    assert "processing" in body["message"]


def test_stream_of_another_users_private_video_is_404_and_anonymous_401(client, users, me):
    user, headers = me
    video = make_video(users.create(), visibility=PRIVATE)
    assert_error(client.get(f"/api/videos/{video.id}/stream/", headers=headers), 404)
    assert_error(client.get(f"/api/videos/{video.id}/stream/"), 401)


def test_stream_of_someone_elses_unlisted_video_counts_one_view(client, users, me, clip):
    _, headers = me
    video = ready_video(users.create(), clip, visibility=UNLISTED)
    _stream(client, headers, video)
    _stream(client, headers, video)
    assert db_views(video) == 1


def db_views(video: Video) -> int:
    from watchparty.extensions import db

    db.session.expire_all()
    return db.session.get(Video, video.id).views_count


def test_quality_variants_list_each_rung_with_a_fetchable_playlist(client, me, clip):
    user, headers = me
    video = ready_video(user, clip)
    body = client.get(f"/api/videos/{video.id}/quality-variants/").get_json()
    assert [(v["quality"], v["height"], v["bitrate"]) for v in body["variants"]] == [
        ("360p", 360, 600),
        ("240p", 240, 300),
    ]
    path = urlsplit(body["variants"][1]["url"])
    playlist = client.get(f"{path.path}?{path.query}").get_data(as_text=True)
    assert playlist.count("#EXTINF") == 3


def test_thumbnail_redirects_to_a_signed_image_and_is_404_without_one(
    client, me, clip, backend, served
):
    user, headers = me
    video = ready_video(user, clip)
    response = requests.get(
        f"{served.url}/api/videos/{video.id}/thumbnail/", allow_redirects=False, timeout=10
    )
    assert response.status_code == 302
    image = requests.get(response.headers["Location"], timeout=10)
    assert image.status_code == 200 and image.content[:3] == b"\xff\xd8\xff"
    bare = make_video(user)
    assert_error(client.get(f"/api/videos/{bare.id}/thumbnail/"), 404)


def test_a_private_videos_thumbnail_url_works_for_an_img_tag_but_not_bare(client, me, clip):
    user, headers = me
    video = ready_video(user, clip, visibility=PRIVATE)
    url = client.get(f"/api/videos/{video.id}/", headers=headers).get_json()["thumbnail_url"]
    assert re.search(r"/thumbnail/\?token=", url)
    path = urlsplit(url)
    assert client.get(f"{path.path}?{path.query}").status_code == 302
    assert_error(client.get(path.path), 404)
