"""probe() reads container, duration, size and codecs from ffmpeg output, and says no clearly."""

import pytest

from tests.videos.clips import make_clip
from watchparty.videos.containers import UNSUPPORTED_MESSAGE
from watchparty.videos.probe import ProbeError, parse, probe


def test_reads_an_mp4_clip(clips):
    info = probe(clips("720p.mp4", seconds=2))
    assert info["format"] == "mp4"
    assert info["duration"] == pytest.approx(2.0, abs=0.1)
    assert (info["width"], info["height"]) == (1280, 720)
    assert (info["video_codec"], info["audio_codec"]) == ("h264", "aac")
    assert info["has_video"] and info["has_audio"] and info["rotation"] == 0
    assert info["bitrate"] > 0


@pytest.mark.parametrize(
    ("container", "codecs"),
    [
        ("mkv", ("h264", "aac")),
        ("webm", ("vp8", "opus")),
        ("avi", ("mpeg4", "mp3")),
        ("flv", ("flv1", "mp3")),
        ("wmv", ("wmv2", "wmav2")),
        ("mov", ("h264", "aac")),
    ],
)
def test_names_every_accepted_container_from_the_content(clips, tmp_path, container, codecs):
    clip = clips(f"small.{container}", seconds=1, size="320x240")
    renamed = tmp_path / "upload.bin"  # the extension must not matter
    renamed.write_bytes(clip.read_bytes())
    info = probe(renamed)
    assert info["format"] == container
    assert (info["video_codec"], info["audio_codec"]) == codecs
    assert (info["width"], info["height"]) == (320, 240)


def test_audio_only_has_no_picture_size(clips):
    info = probe(clips("tone.mp4", seconds=1, video=False))
    assert info["has_video"] is False and info["has_audio"] is True
    assert info["width"] is None and info["video_codec"] is None
    assert info["audio_codec"] == "aac"


def test_video_without_audio(clips):
    info = probe(clips("silent.mp4", seconds=1, size="320x240", audio=False))
    assert info["has_audio"] is False and info["audio_codec"] is None


def test_rotation_swaps_the_displayed_size():
    stderr = (
        "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x.mp4':\n"
        "  Duration: 00:00:03.00, start: 0.000000, bitrate: 2746 kb/s\n"
        "  Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(progressive),"
        " 1280x720 [SAR 1:1 DAR 16:9], 2666 kb/s, 25 fps, 25 tbr, 12800 tbn (default)\n"
        "    Side data:\n      Display Matrix: rotation of -90.00 degrees\n"
        "  Stream #0:1[0x2](und): Audio: aac (LC), 44100 Hz, mono, fltp, 69 kb/s\n"
    )
    info = parse(stderr)
    assert (info["width"], info["height"], info["rotation"]) == (720, 1280, 270)
    assert info["duration"] == 3.0 and info["bitrate"] == 2746


def test_cover_art_is_not_a_video_stream():
    stderr = (
        "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'song.m4a':\n"
        "  Duration: 00:03:10.50, start: 0.000000, bitrate: 130 kb/s\n"
        "  Stream #0:0: Audio: aac (LC), 44100 Hz, stereo, fltp, 128 kb/s\n"
        "  Stream #0:1: Video: mjpeg (Baseline), yuvj420p, 600x600, 90k tbn (attached pic)\n"
    )
    info = parse(stderr)
    assert info["has_video"] is False and info["duration"] == 190.5


def test_a_text_file_is_not_a_video(tmp_path):
    path = tmp_path / "notes.mp4"
    path.write_text("this is not a video\n" * 50)
    with pytest.raises(ProbeError, match="not a video"):
        probe(path)


def test_a_truncated_mp4_is_reported_as_truncated(tmp_path):
    whole = make_clip(tmp_path / "whole.mp4", seconds=2, size="320x240")
    cut = tmp_path / "cut.mp4"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) // 2])  # faststart: the header survives, the media does not
    with pytest.raises(ProbeError, match="truncated or corrupt"):
        probe(cut)


def test_a_truncated_header_is_not_a_video(tmp_path):
    whole = make_clip(tmp_path / "whole.mp4", seconds=1, size="320x240")
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole.read_bytes()[:200])
    with pytest.raises(ProbeError):
        probe(cut)


def test_media_in_an_unaccepted_container_gets_seed_001s_message(tmp_path):
    from watchparty.videos.ffmpeg import ffmpeg_binary

    path = tmp_path / "tone.wav"
    import subprocess

    subprocess.run(
        [ffmpeg_binary(), "-v", "error", "-f", "lavfi", "-i", "sine=duration=1", str(path)],
        check=True,
    )
    with pytest.raises(ProbeError) as raised:
        probe(path)
    assert raised.value.reason == UNSUPPORTED_MESSAGE


def test_header_only_probe_skips_the_packet_scan(tmp_path):
    whole = make_clip(tmp_path / "whole.mp4", seconds=2, size="320x240")
    cut = tmp_path / "cut.mp4"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    info = probe(cut, scan=False)  # what a remote-URL check can afford
    assert info["format"] == "mp4" and "scanned_duration" not in info
