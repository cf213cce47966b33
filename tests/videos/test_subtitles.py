"""Subtitle tracks: the owner adds WebVTT or SRT (SRT becomes WebVTT), bad files are refused
with nothing stored, viewers list and fetch them, and the HLS master playlist carries them as a
SUBTITLES group whose playlist serves the WebVTT."""

import io

import pytest
import requests

from tests.helpers import assert_error
from tests.videos.factories import ready_video
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.videos.models import PRIVATE
from watchparty.videos.subtitle_models import VideoSubtitle

VTT = (
    b"WEBVTT\n\n00:00:00.500 --> 00:00:01.800\nHello there\n\n00:00:02.000 --> 00:00:02.900\nBye\n"
)
SRT = (
    b"1\r\n00:00:00,500 --> 00:00:01,800\r\nHola\r\n\r\n"
    b"2\r\n00:00:02,000 --> 00:00:02,900\r\nAdios\r\n"
)


@pytest.fixture
def video(users, me, clips):
    owner, _ = me
    return ready_video(owner, clips("subs-360p.mp4", seconds=3, size="640x360"), title="Talk")


def _add(client, headers, video, data: bytes, name="track.vtt", **form):
    body = {"language": "en", "label": "English"} | form
    body["file"] = (io.BytesIO(data), name)
    url = f"/api/videos/{video.id}/subtitles/"
    return client.post(url, data=body, headers=headers, content_type="multipart/form-data")


def test_webvtt_and_srt_tracks_are_stored_as_webvtt_and_listed(client, me, video):
    _, headers = me
    english = _add(client, headers, video, VTT)
    assert english.status_code == 201, english.get_json()
    assert english.get_json()["cue_count"] == 2 and english.get_json()["label"] == "English"
    spanish = _add(client, headers, video, SRT, "es.srt", language="es", label="Español")
    assert spanish.status_code == 201, spanish.get_json()
    listed = client.get(f"/api/videos/{video.id}/subtitles/", headers=headers).get_json()
    assert [t["language"] for t in listed] == ["en", "es"]
    converted = client.get(listed[1]["url"].split("localhost:5000")[-1], headers=headers)
    assert converted.mimetype == "text/vtt"
    assert (
        converted.data.startswith(b"WEBVTT") and b"00:00:00.500 --> 00:00:01.800" in converted.data
    )


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "x.vtt", "not_text"),
        (b"WEBVTT\n\n00:00:03.000 --> 00:00:01.000\nBackwards\n", "x.vtt", "bad_cue_timing"),
        (b"just some words, no cues at all", "x.srt", "invalid_subtitles"),
        (b"WEBVTT\n\n", "x.vtt", "invalid_subtitles"),
        ("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nx\n".encode("utf-16"), "x.vtt", "not_text"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_stored(client, me, video, data, name, code):
    _, headers = me
    assert_error(_add(client, headers, video, data, name), 400, code)
    assert db.session.query(VideoSubtitle).count() == 0
    assert storage().list_prefix(f"private/videos/{video.id}/subtitles/") == []


def test_only_the_owner_adds_or_deletes_and_a_bad_language_is_refused(client, users, me, video):
    _, headers = me
    stranger = users.session_headers(users.create())
    assert_error(_add(client, stranger, video, VTT), 403, "not_video_owner")
    assert_error(_add(client, headers, video, VTT, language="english!"), 400)
    track = _add(client, headers, video, VTT).get_json()
    url = f"/api/videos/{video.id}/subtitles/{track['id']}/"
    assert_error(client.delete(url, headers=stranger), 403)
    assert client.delete(url, headers=headers).status_code == 200
    assert storage().list_prefix(f"private/videos/{video.id}/subtitles/") == []


def test_the_master_playlist_carries_a_subtitles_group_any_player_can_follow(
    app, client, me, video, live_server, monkeypatch
):
    monkeypatch.setitem(app.config, "FRONTEND_URL", live_server.url)
    _, headers = me
    video.visibility = PRIVATE
    db.session.commit()
    _add(client, headers, video, VTT)
    info = client.get(f"/api/videos/{video.id}/stream/", headers=headers).get_json()
    assert info["subtitles"][0]["language"] == "en" and "token=" in info["subtitles"][0]["url"]
    master = requests.get(info["streaming_url"], timeout=10).text
    media = [line for line in master.splitlines() if line.startswith("#EXT-X-MEDIA:TYPE=SUBTITLES")]
    assert len(media) == 1 and 'LANGUAGE="en"' in media[0] and 'NAME="English"' in media[0]
    streams = [line for line in master.splitlines() if line.startswith("#EXT-X-STREAM-INF")]
    assert streams and all('SUBTITLES="subs"' in line for line in streams)
    playlist_url = media[0].split('URI="')[1].rstrip('"')
    playlist = requests.get(playlist_url, timeout=10).text
    vtt_url = next(line for line in playlist.splitlines() if line and not line.startswith("#"))
    assert "#EXT-X-ENDLIST" in playlist
    served = requests.get(vtt_url, timeout=10)
    assert served.status_code == 200 and served.text.startswith("WEBVTT")
    # Without the token a private video's track is not served.
    assert requests.get(vtt_url.split("?")[0], timeout=10).status_code == 404
