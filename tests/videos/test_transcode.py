"""The transcoding worker: real ffmpeg on generated clips, from source to a published HLS ladder."""

import re
import time
from pathlib import Path

import pytest
from redis import Redis

from tests.conftest import REDIS_URL
from tests.videos.clips import can_decode, make_clip
from watchparty.extensions import db
from watchparty.jobs import QUEUES
from watchparty.storage import storage
from watchparty.videos import keys, pipeline
from watchparty.videos.models import FAILED, PROCESSING, READY, UPLOADING, Video

SETTINGS = {
    "HLS_SEGMENT_SECONDS": 1,
    "TRANSCODE_PRESET": "ultrafast",
    "TRANSCODE_LADDER": "240,360,480,720,1080",
    "TRANSCODE_RETRIES": 2,
    "TRANSCODE_BACKOFF": "1",
}


@pytest.fixture(autouse=True)
def transcode_settings(app):
    """Short segments and the fastest preset, restored after each test."""
    previous = {key: app.config.get(key) for key in SETTINGS}
    app.config.update(SETTINGS)
    yield app.config
    app.config.update(previous)


def make_video(owner, clip: Path, **fields) -> Video:
    """An uploaded video: its row, and its source in storage."""
    video = Video(owner_id=owner.id, title="Clip", status=UPLOADING, **fields)
    db.session.add(video)
    db.session.flush()
    video.source_key = keys.source_key(video.id)
    video.original_filename = clip.name
    with open(clip, "rb") as handle:
        storage().save_file(video.source_key, handle)
    db.session.commit()
    return video


def settle(app, run_jobs, video_id, timeout: float = 90) -> Video:
    """Run jobs (and due retries) until the video leaves `processing`."""
    deadline = time.monotonic() + timeout
    while True:
        run_jobs()
        if REDIS_URL:  # retries wait in RQ's scheduled registry: a scheduler enqueues them
            from workers.context import AppWorker

            worker = AppWorker(list(QUEUES), connection=Redis.from_url(REDIS_URL), flask_app=app)
            worker.work(burst=True, with_scheduler=True)
        db.session.expire_all()
        video = db.session.get(Video, video_id)
        if video.status != PROCESSING or time.monotonic() > deadline:
            return video
        time.sleep(0.3)


def transcoded(app, run_jobs, video) -> Video:
    """Start processing and wait for the outcome."""
    pipeline.start_processing(video.id)
    return settle(app, run_jobs, video.id)


def playlist_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def check_ladder(video: Video, root: Path | None = None) -> dict[str, list[str]]:
    """Every playlist and segment is stored and decodes; returns each rung's segment durations."""
    store = storage()
    root = root or store.root
    master = store.read(video.hls_prefix + "master.m3u8").decode()
    listed = playlist_lines(master)
    assert listed == [variant["playlist"] for variant in video.variants]
    durations = {}
    for playlist in listed:
        key = video.hls_prefix + playlist
        text = store.read(key).decode()
        folder = key.rsplit("/", 1)[0] + "/"
        for segment in playlist_lines(text):
            assert re.fullmatch(r"seg_\d{5}\.ts", segment)
            assert store.exists(folder + segment)
        assert can_decode(str(root / key)), playlist
        durations[playlist] = re.findall(r"#EXTINF:([\d.]+)", text)
    return durations


def test_720p_clip_becomes_a_ready_aligned_playable_ladder(app, users, clips, run_jobs):
    video = make_video(users.create(), clips("720p.mp4", seconds=3))
    video = transcoded(app, run_jobs, video)
    assert video.status == READY, video.failure_reason
    assert video.progress == 100 and video.failure_reason is None
    assert set(video.processing_steps.values()) == {"completed"}
    assert [v["quality"] for v in video.variants] == ["240p", "360p", "480p", "720p"]
    assert video.variants[-1] == {
        "quality": "720p",
        "width": 1280,
        "height": 720,
        "bitrate": 2800,
        "playlist": "720p/index.m3u8",
    }
    assert video.qualities == ",240p,360p,480p,720p,"
    durations = check_ladder(video)
    # Aligned keyframes: every rung is cut at the same instants.
    assert len({tuple(d) for d in durations.values()}) == 1
    assert len(next(iter(durations.values()))) >= 3
    assert video.duration == pytest.approx(3.0, abs=0.1)
    assert (video.width, video.height, video.format) == (1280, 720, "mp4")
    assert (video.video_codec, video.audio_codec) == ("h264", "aac")
    assert video.file_size == clips("720p.mp4", seconds=3).stat().st_size and video.bitrate > 0
    assert storage().read(video.thumbnail_key)[:3] == b"\xff\xd8\xff"  # a JPEG
    assert video.hls_prefix.startswith(keys.video_prefix(video.id) + "hls/")


def test_1080p_source_gets_no_rung_above_1080(app, users, clips, run_jobs, transcode_settings):
    transcode_settings["TRANSCODE_LADDER"] = "360,1080,1440,2160"
    video = make_video(users.create(), clips("1080p.mp4", seconds=2, size="1920x1080"))
    video = transcoded(app, run_jobs, video)
    assert video.status == READY, video.failure_reason
    assert [(v["quality"], v["width"], v["height"]) for v in video.variants] == [
        ("360p", 640, 360),
        ("1080p", 1920, 1080),
    ]
    master = storage().read(video.hls_prefix + "master.m3u8").decode()
    assert "RESOLUTION=1920x1080" in master and "2560x1440" not in master


def test_audio_only_source_gets_one_aac_rendition(app, users, clips, run_jobs):
    video = make_video(users.create(), clips("tone.mp4", seconds=2, video=False))
    video = transcoded(app, run_jobs, video)
    assert video.status == READY, video.failure_reason
    assert video.variants == [
        {
            "quality": "audio",
            "width": None,
            "height": None,
            "bitrate": 128,
            "playlist": "audio/index.m3u8",
        }
    ]
    assert video.qualities == ",audio," and video.thumbnail_key is None
    assert (video.width, video.audio_codec) == (None, "aac")
    check_ladder(video)


def test_portrait_source_is_laddered_on_its_short_side(app, users, clips, run_jobs):
    video = make_video(users.create(), clips("portrait.mp4", seconds=2, size="360x640"))
    video = transcoded(app, run_jobs, video)
    assert video.status == READY, video.failure_reason
    assert [(v["width"], v["height"]) for v in video.variants] == [(240, 426), (360, 640)]
    master = storage().read(video.hls_prefix + "master.m3u8").decode()
    assert "RESOLUTION=240x426" in master and "RESOLUTION=360x640" in master
    check_ladder(video)


def test_small_odd_sized_source_gets_one_rung_at_its_own_size(app, users, clips, run_jobs):
    video = make_video(users.create(), clips("odd.mkv", seconds=2, size="322x182"))
    video = transcoded(app, run_jobs, video)
    assert video.status == READY, video.failure_reason
    assert [(v["quality"], v["width"], v["height"]) for v in video.variants] == [("182p", 322, 182)]
    assert video.format == "mkv"
    check_ladder(video)


def assert_rejected(video: Video, reason: str) -> None:
    assert video.status == FAILED and reason in video.failure_reason
    assert video.source_key is None and video.hls_prefix is None
    assert storage().list_prefix(keys.video_prefix(video.id)) == []
    assert video.processing_steps["transcoding"] == "failed"


def test_text_file_fails_with_a_reason_and_leaves_nothing(app, users, tmp_path, run_jobs):
    text = tmp_path / "notes.mp4"
    text.write_text("definitely not a video\n" * 100)
    video = transcoded(app, run_jobs, make_video(users.create(), text))
    assert_rejected(video, "not a video")
    assert video.attempts == 1  # not retried: another attempt cannot fix the file


def test_truncated_mp4_fails_with_a_reason_and_leaves_nothing(app, users, tmp_path, run_jobs):
    whole = make_clip(tmp_path / "whole.mp4", seconds=2, size="320x240")
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    video = transcoded(app, run_jobs, make_video(users.create(), cut))
    assert_rejected(video, "truncated or corrupt")


def test_uploader_socket_receives_progress_ending_at_ready(app, users, clips, run_jobs, sockets):
    owner, stranger = users.create(), users.create()
    mine, theirs = sockets(owner, "/videos"), sockets(stranger, "/videos")
    video = make_video(owner, clips("720p.mp4", seconds=3))
    video = transcoded(app, run_jobs, video)
    last = mine.wait_for("video_progress", lambda e: e["status"] == READY)
    assert last == {
        "video_id": str(video.id),
        "status": READY,
        "progress": 100,
        "step": "ready",
        "estimated_completion": last["estimated_completion"],
        "failure_reason": None,
    }
    events = mine.received("video_progress")
    assert events[0]["status"] == PROCESSING and len(events) >= 3
    percents = [e["progress"] for e in events]
    assert percents == sorted(percents) and events[-1] == last
    assert theirs.received("video_progress") == []


def test_s3_backend_end_to_end(app, users, clips, run_jobs, s3, tmp_path):
    video = make_video(users.create(), clips("720p.mp4", seconds=3))
    video = transcoded(app, run_jobs, video)
    assert video.status == READY, video.failure_reason
    stored = s3.list_prefix(video.hls_prefix)
    assert f"{video.hls_prefix}master.m3u8" in stored
    for key in stored:  # a local mirror, so ffmpeg can follow the relative segment URIs
        path = tmp_path / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(s3.read(key))
    check_ladder(video, root=tmp_path)
    head = s3.client.head_object(Bucket=s3.bucket, Key=video.hls_prefix + "master.m3u8")
    assert head["ContentType"] == "application/vnd.apple.mpegurl"
    assert s3.exists(video.thumbnail_key)


def test_republishing_sweeps_orphan_versions_and_old_posters(app, users, clips, run_jobs):
    video = make_video(users.create(), clips("small.mp4", seconds=2, size="320x240"))
    store = storage()
    orphan = keys.hls_prefix(video.id, "crashed") + "240p/seg_00001.ts"
    store.save(orphan, b"half-written by a killed worker")
    old_poster = keys.thumbnail_key(video.id, "poster-old")
    store.save(old_poster, b"old")
    video.thumbnail_key = old_poster
    db.session.commit()
    video = transcoded(app, run_jobs, video)
    assert video.status == READY, video.failure_reason
    assert not store.exists(orphan) and not store.exists(old_poster)
    assert all(key.startswith(video.hls_prefix) for key in hls_keys(video))
    assert video.thumbnail_key != old_poster and store.exists(video.thumbnail_key)
    first = video.hls_prefix
    video = transcoded(app, run_jobs, video)  # processing again publishes a new version
    assert video.status == READY and video.hls_prefix != first
    assert all(key.startswith(video.hls_prefix) for key in hls_keys(video))


def hls_keys(video: Video) -> list[str]:
    return storage().list_prefix(keys.video_prefix(video.id) + "hls/")


def test_an_owner_chosen_thumbnail_survives_a_transcode(app, users, clips, run_jobs):
    video = make_video(users.create(), clips("small.mp4", seconds=2, size="320x240"))
    custom = keys.thumbnail_key(video.id, "custom")
    storage().save(custom, b"\xff\xd8\xff owner's image")
    video.thumbnail_key = custom
    db.session.commit()
    video = transcoded(app, run_jobs, video)
    assert video.status == READY and video.thumbnail_key == custom
    assert storage().list_prefix(keys.video_prefix(video.id) + "thumbs/") == [custom]


def test_regenerate_thumbnail_makes_a_new_one_and_removes_the_old(app, users, clips, run_jobs):
    video = transcoded(app, run_jobs, make_video(users.create(), clips("720p.mp4", seconds=3)))
    old = video.thumbnail_key
    old_bytes = storage().read(old)
    pipeline.regenerate_thumbnail(video.id, 2.5)
    run_jobs()
    video = db.session.get(Video, video.id)
    assert video.thumbnail_key != old and "frame-" in video.thumbnail_key
    assert not storage().exists(old)
    new = storage().read(video.thumbnail_key)
    assert new[:3] == b"\xff\xd8\xff" and new != old_bytes
    assert storage().list_prefix(keys.video_prefix(video.id) + "thumbs/") == [video.thumbnail_key]


def flaky_ffmpeg(tmp_path: Path, real: str, failures: int) -> Path:
    """A real executable: fails the ladder run `failures` times, otherwise runs ffmpeg."""
    script = tmp_path / "ffmpeg-flaky"
    count = tmp_path / "failures"
    script.write_text(
        "#!/bin/sh\n"
        'case " $* " in *" -master_pl_name "*)\n'
        f'  n=$(cat "{count}" 2>/dev/null || echo 0)\n'
        f'  if [ "$n" -lt {failures} ]; then\n'
        f'    echo $((n + 1)) > "{count}"\n'
        '    echo "Conversion failed! (test wrapper, failure $((n + 1)))" >&2\n'
        "    exit 1\n"
        "  fi;;\n"
        "esac\n"
        f'exec "{real}" "$@"\n'
    )
    script.chmod(0o755)
    return script


def test_a_failed_attempt_is_retried_with_backoff(app, users, clips, run_jobs, tmp_path):
    from watchparty.videos.ffmpeg import ffmpeg_binary

    app.config["TRANSCODE_BACKOFF"] = "2"
    video = make_video(users.create(), clips("small.mp4", seconds=2, size="320x240"))
    previous = app.config.get("FFMPEG_BINARY")
    app.config["FFMPEG_BINARY"] = str(flaky_ffmpeg(tmp_path, ffmpeg_binary(), failures=1))
    try:
        started = time.monotonic()
        video = transcoded(app, run_jobs, video)
    finally:
        app.config["FFMPEG_BINARY"] = previous
    assert video.status == READY, video.failure_reason
    assert video.attempts == 2 and video.failure_reason is None
    # The backoff was waited (RQ's scheduler counts whole seconds: 2 s is at least 1).
    assert time.monotonic() - started >= 1
    check_ladder(video)


def test_the_last_failed_attempt_marks_the_video_failed(app, users, clips, run_jobs, tmp_path):
    from watchparty.videos.ffmpeg import ffmpeg_binary

    app.config["TRANSCODE_RETRIES"] = 1
    video = make_video(users.create(), clips("small.mp4", seconds=2, size="320x240"))
    previous = app.config.get("FFMPEG_BINARY")
    app.config["FFMPEG_BINARY"] = str(flaky_ffmpeg(tmp_path, ffmpeg_binary(), failures=99))
    try:
        video = transcoded(app, run_jobs, video)
    finally:
        app.config["FFMPEG_BINARY"] = previous
    assert video.status == FAILED and video.attempts == 2
    assert video.failure_reason.startswith("Transcoding failed after 2 attempts: ffmpeg exited")
    assert "test wrapper, failure 2" in video.failure_reason
    assert video.hls_prefix is None and hls_keys(video) == []
    assert storage().exists(video.source_key)  # kept: the file itself may be fine


def test_a_stale_attempt_cannot_publish(users, clips):
    from watchparty.videos import publish

    video = make_video(users.create(), clips("small.mp4", seconds=2, size="320x240"))
    video.status, video.attempts = PROCESSING, 2
    db.session.commit()
    ladder = {"hls_prefix": "x/", "variants": [], "qualities": ",,"}
    assert publish.swap(video.id, 1, ladder, None) is False
    db.session.expire_all()
    assert db.session.get(Video, video.id).hls_prefix is None
    assert publish.swap(video.id, 2, ladder, None) is True


def test_ffmpeg_progress_becomes_a_percentage_an_eta_and_an_event(users, sockets):
    from watchparty.videos.progress import Tracker

    owner = users.create()
    socket = sockets(owner, "/videos")
    video = Video(owner_id=owner.id, title="Long", status=PROCESSING, attempts=1)
    db.session.add(video)
    db.session.commit()
    tracker = Tracker(video, attempt=1, duration=200.0)
    tracker.last = float("-inf")
    tracker(50.0)  # a quarter of the source encoded
    tracker(60.0)  # within the same second: not stored again
    db.session.expire_all()
    stored = db.session.get(Video, video.id)
    assert stored.progress == 25 and stored.estimated_completion is not None
    event = socket.wait_for("video_progress")
    assert (event["progress"], event["step"], event["status"]) == (25, "transcoding", PROCESSING)
    assert event["estimated_completion"].endswith("Z")
    time.sleep(0.2)
    assert len(socket.received("video_progress")) == 1
