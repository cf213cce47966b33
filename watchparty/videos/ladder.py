"""The HLS ladder a source gets, and the one ffmpeg command that encodes every rung at once."""

from dataclasses import dataclass
from pathlib import Path

# Video kbit/s per rung (short side); other sizes scale with their pixel count from 720p.
BITRATES = {240: 400, 360: 800, 480: 1400, 720: 2800, 1080: 5000, 1440: 8000, 2160: 14000}
AUDIO_KBPS = 128
MIN_KBPS = 150
MASTER = "master.m3u8"
PLAYLIST = "index.m3u8"
SEGMENT = "seg_%05d.ts"


@dataclass(frozen=True)
class Rung:
    """One rendition: its name (`720p`, or `audio`), picture size and video bitrate."""

    quality: str
    width: int | None
    height: int | None
    bitrate: int

    def variant(self) -> dict:
        """The rung as `video.variants` stores it."""
        return {
            "quality": self.quality,
            "width": self.width,
            "height": self.height,
            "bitrate": self.bitrate,
            "playlist": f"{self.quality}/{PLAYLIST}",
        }


def parse_ladder(setting: str | list | tuple) -> list[int]:
    """TRANSCODE_LADDER ("240,360,720") as sorted short-side sizes."""
    items = setting.split(",") if isinstance(setting, str) else setting
    return sorted({int(item) for item in items if str(item).strip()})


def _even(value: float) -> int:
    """H.264 in 4:2:0 needs even dimensions: round down to one, never below 2."""
    return max(2, int(value) // 2 * 2)


def _scaled(long_side: int, size: int, short_side: int) -> int:
    """The long side of a rung: nearest even size keeping the shape, never above the source."""
    return min(max(2, round(long_side * size / short_side / 2) * 2), _even(long_side))


def _bitrate(width: int, height: int, short: int) -> int:
    """Video kbit/s of a rung: the table's, or scaled by pixel count."""
    if short in BITRATES:
        return BITRATES[short]
    return max(MIN_KBPS, round(BITRATES[720] * width * height / (1280 * 720)))


def rungs(width: int | None, height: int | None, ladder: list[int]) -> list[Rung]:
    """The renditions for a source of `width`x`height` (None: audio only).

    Sizes are measured on the short side so portrait sources get the same ladder;
    no rung is larger than the source; a source below the lowest rung gets one rung
    at its own (even) size.
    """
    if not width or not height:
        return [Rung("audio", None, None, AUDIO_KBPS)]
    short, long_ = min(width, height), max(width, height)
    sizes = [size for size in ladder if size <= short]
    if not sizes:
        w, h = _even(width), _even(height)
        return [Rung(f"{min(w, h)}p", w, h, _bitrate(w, h, min(w, h)))]
    out = []
    for size in sizes:
        other = _scaled(long_, size, short)
        w, h = (other, size) if width >= height else (size, other)
        out.append(Rung(f"{size}p", w, h, _bitrate(w, h, size)))
    return out


def qualities(ladder: list[Rung]) -> str:
    """ ",240p,720p," - comma-delimited so a LIKE '%,720p,%' filter matches whole names."""
    return "," + ",".join(rung.quality for rung in ladder) + ","


def command(
    ffmpeg: str,
    source: Path | str,
    out: Path,
    ladder: list[Rung],
    *,
    has_audio: bool,
    segment_seconds: int,
    preset: str,
    threads: int = 0,
) -> list[str]:
    """One ffmpeg run writing `out/master.m3u8` and `out/<quality>/index.m3u8` + segments."""
    cmd = [ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-i", str(source)]
    if threads > 0:
        cmd += ["-threads", str(threads)]
    video = ladder[0].width is not None
    if video:
        cmd += _video_args(ladder, segment_seconds, preset)
    audio_maps = []
    for index in range(len(ladder)):
        if has_audio:
            cmd += ["-map", "0:a:0"]
            audio_maps.append(f"a:{index}")
    if has_audio:
        cmd += ["-c:a", "aac", "-b:a", f"{AUDIO_KBPS}k", "-ac", "2"]
    streams = []
    for index, rung in enumerate(ladder):
        parts = [f"v:{index}"] if video else []
        parts += [f"a:{index}"] if has_audio else []
        streams.append(",".join([*parts, f"name:{rung.quality}"]))
    cmd += [
        "-max_muxing_queue_size", "1024",
        "-f", "hls",
        "-hls_time", str(segment_seconds),
        "-hls_playlist_type", "vod",
        "-hls_flags", "independent_segments",
        "-hls_segment_type", "mpegts",
        "-start_number", "1",
        "-hls_segment_filename", str(out / "%v" / SEGMENT),
        "-master_pl_name", MASTER,
        "-var_stream_map", " ".join(streams),
        "-progress", "pipe:1", "-nostats",
        str(out / "%v" / PLAYLIST),
    ]  # fmt: skip
    return cmd


def _video_args(ladder: list[Rung], segment_seconds: int, preset: str) -> list[str]:
    """Split the decoded picture once and scale it per rung, with keyframes on the same instants."""
    labels = [f"[s{i}]" for i in range(len(ladder))]
    chains = [f"[0:v:0]split={len(ladder)}{''.join(labels)}"]
    for index, rung in enumerate(ladder):
        chains.append(
            f"[s{index}]scale={rung.width}:{rung.height},setsar=1,format=yuv420p[v{index}]"
        )
    args = ["-filter_complex", ";".join(chains)]
    for index, rung in enumerate(ladder):
        args += ["-map", f"[v{index}]"]
        kbps = rung.bitrate
        args += [f"-b:v:{index}", f"{kbps}k", f"-maxrate:v:{index}", f"{round(kbps * 1.07)}k"]
        args += [f"-bufsize:v:{index}", f"{round(kbps * 1.5)}k"]
    # Same forced keyframes and no scene-cut keyframes: every rung's segments start on the
    # same frame, so a player can switch rungs at any segment boundary.
    args += ["-c:v", "libx264", "-preset", preset, "-sc_threshold", "0"]
    args += ["-force_key_frames", f"expr:gte(t,n_forced*{segment_seconds})"]
    return args
