"""The ladder fits the source (short side, even sizes) and one ffmpeg command makes every rung."""

from pathlib import Path

import pytest

from watchparty.videos.ladder import command, parse_ladder, qualities, rungs

LADDER = [240, 360, 480, 720, 1080]


def sizes(ladder):
    return [(r.quality, r.width, r.height) for r in ladder]


def test_parses_the_ladder_setting():
    assert parse_ladder("720, 240,360,,240") == [240, 360, 720]


def test_720p_source_gets_every_rung_up_to_720():
    assert sizes(rungs(1280, 720, LADDER)) == [
        ("240p", 426, 240),
        ("360p", 640, 360),
        ("480p", 854, 480),
        ("720p", 1280, 720),
    ]


def test_1080p_source_gets_no_rung_above_1080():
    assert [r.quality for r in rungs(1920, 1080, [*LADDER, 1440, 2160])][-1] == "1080p"


def test_portrait_is_measured_on_the_short_side():
    assert sizes(rungs(360, 640, LADDER)) == [("240p", 240, 426), ("360p", 360, 640)]


def test_small_source_gets_one_rung_at_its_own_even_size():
    assert sizes(rungs(322, 182, LADDER)) == [("182p", 322, 182)]
    assert sizes(rungs(321, 181, LADDER)) == [("180p", 320, 180)]


def test_every_dimension_is_even():
    for width, height in [(1279, 719), (641, 359), (999, 1777), (3, 3)]:
        for rung in rungs(width, height, LADDER):
            assert rung.width % 2 == 0 and rung.height % 2 == 0


def test_audio_only_gets_one_audio_rendition():
    (rung,) = rungs(None, None, LADDER)
    assert rung.variant() == {
        "quality": "audio",
        "width": None,
        "height": None,
        "bitrate": 128,
        "playlist": "audio/index.m3u8",
    }


def test_variants_and_qualities_as_the_video_stores_them():
    ladder = rungs(1280, 720, [240, 720])
    assert ladder[-1].variant() == {
        "quality": "720p",
        "width": 1280,
        "height": 720,
        "bitrate": 2800,
        "playlist": "720p/index.m3u8",
    }
    assert qualities(ladder) == ",240p,720p,"
    assert qualities(rungs(None, None, LADDER)) == ",audio,"


def test_one_command_with_aligned_keyframes_and_the_agreed_layout():
    ladder = rungs(1280, 720, [360, 720])
    cmd = command(
        "ffmpeg", "in.mp4", Path("/out"), ladder,
        has_audio=True, segment_seconds=4, preset="veryfast", threads=2,
    )  # fmt: skip
    joined = " ".join(cmd)
    assert cmd.count("-i") == 1 and "split=2" in joined
    assert cmd[cmd.index("-force_key_frames") + 1] == "expr:gte(t,n_forced*4)"
    assert cmd[cmd.index("-sc_threshold") + 1] == "0"
    assert cmd[cmd.index("-var_stream_map") + 1] == "v:0,a:0,name:360p v:1,a:1,name:720p"
    assert cmd[cmd.index("-hls_segment_filename") + 1] == "/out/%v/seg_%05d.ts"
    assert cmd[cmd.index("-master_pl_name") + 1] == "master.m3u8"
    assert cmd[cmd.index("-hls_playlist_type") + 1] == "vod"
    assert cmd[cmd.index("-threads") + 1] == "2" and cmd[cmd.index("-preset") + 1] == "veryfast"
    assert cmd[-1] == "/out/%v/index.m3u8" and "pipe:1" in cmd


@pytest.mark.parametrize("threads", [0])
def test_threads_are_left_to_ffmpeg_when_zero(threads):
    cmd = command(
        "ffmpeg", "in.mp4", Path("/out"), rungs(640, 360, LADDER),
        has_audio=False, segment_seconds=2, preset="fast", threads=threads,
    )  # fmt: skip
    assert "-threads" not in cmd and "0:a:0" not in cmd
    assert cmd[cmd.index("-var_stream_map") + 1] == "v:0,name:240p v:1,name:360p"
