"""What a media file holds, read from `ffmpeg -i` (no ffprobe: imageio-ffmpeg ships ffmpeg only)."""

import re
import subprocess
from pathlib import Path

from watchparty.videos.containers import UNSUPPORTED_MESSAGE, sniff
from watchparty.videos.ffmpeg import ffmpeg_binary

# ffmpeg's demuxer names, as printed after "Input #0,", to the containers seed 001 accepts.
DEMUXERS = {"avi": "avi", "asf": "wmv", "flv": "flv", "live_flv": "flv"}
NOT_MEDIA = "The file is not a video ffmpeg can read (it may be corrupt or not a video at all)."
NO_STREAMS = "The file has no video or audio stream."
TRUNCATED = "The file is truncated or corrupt: ffmpeg could not read all of it."
# Error lines the packet scan prints for a damaged file (a valid one prints nothing at -v error).
DAMAGE = ("partial file", "invalid data found", "corrupt", "truncat", "invalid nal unit")

INPUT = re.compile(r"^Input #0, (?P<demuxer>[\w,]+), from", re.M)
DURATION = re.compile(r"Duration: (?P<h>\d+):(?P<m>\d\d):(?P<s>\d\d(?:\.\d+)?)")
BITRATE = re.compile(r"Duration: .*?bitrate: (?P<kbps>\d+) kb/s")
STREAM = re.compile(
    r"^\s*Stream #0:\d+.*?: (?P<kind>Video|Audio): (?P<codec>\w+)(?P<rest>.*)$", re.M
)
SIZE = re.compile(r"[ ,](?P<w>\d{2,5})x(?P<h>\d{2,5})[ ,\[]")
ROTATION = re.compile(
    r"(?:rotation of (?P<matrix>-?\d+(?:\.\d+)?) degrees|rotate\s*:\s*(?P<tag>-?\d+))"
)


class ProbeError(Exception):
    """The file is not a video (or audio) this platform can transcode; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def probe(path: str | Path, *, scan: bool = True, timeout: float = 120) -> dict:
    """Container, duration, size, codecs, bitrate and rotation of `path` (a file or URL).

    `scan` also reads every packet (no decoding) so a truncated file is caught here
    rather than half-way through a transcode; leave it off for remote URLs.
    """
    header = _run([ffmpeg_binary(), "-hide_banner", "-nostdin", "-i", str(path)], timeout)
    info = parse(header, _head(path))
    if scan:
        info["scanned_duration"] = _scan(path, timeout)
        if info["duration"] is None:
            info["duration"] = info["scanned_duration"]
    return info


def parse(stderr: str, head: bytes = b"") -> dict:
    """The facts `ffmpeg -i` printed about input #0; ProbeError when it is not usable media."""
    found = INPUT.search(stderr)
    if not found:
        raise ProbeError(NOT_MEDIA)
    container = _container(found.group("demuxer"), head)
    video, audio = _streams(stderr)
    if video is None and audio is None:
        raise ProbeError(NO_STREAMS)
    width, height, rotation = _geometry(video)
    duration = _duration(stderr)
    bitrate = BITRATE.search(stderr)
    return {
        "format": container,
        "duration": duration,
        "width": width,
        "height": height,
        "rotation": rotation,
        "video_codec": _codec(video),
        "audio_codec": _codec(audio),
        "bitrate": int(bitrate.group("kbps")) if bitrate else None,
        "has_video": video is not None,
        "has_audio": audio is not None,
    }


def _run(cmd: list[str], timeout: float) -> str:
    """ffmpeg's stderr for `cmd` (it exits non-zero when given no output: expected)."""
    try:
        result = subprocess.run(  # noqa: S603 - a fixed argument list
            cmd, capture_output=True, text=True, errors="replace", timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise ProbeError("Reading the file took too long; it may be damaged.") from exc
    return result.stderr


def _head(path: str | Path) -> bytes:
    """The first bytes of a local file (empty for a URL)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(64)
    except OSError:  # a URL: the demuxer name alone decides
        return b""


def _container(demuxer: str, head: bytes) -> str:
    """Seed 001's container name for ffmpeg's demuxer; ProbeError for any other."""
    names = demuxer.split(",")
    if "mov" in names or "mp4" in names:
        # One demuxer reads both: the brand in the first bytes tells them apart.
        return sniff(head) if sniff(head) in ("mp4", "mov") else "mp4"
    if "matroska" in names or "webm" in names:
        return sniff(head) if sniff(head) in ("mkv", "webm") else "mkv"
    for name in names:
        if name in DEMUXERS:
            return DEMUXERS[name]
    raise ProbeError(UNSUPPORTED_MESSAGE)


def _streams(stderr: str) -> tuple[re.Match | None, re.Match | None]:
    """The first video stream (cover art excluded) and the first audio stream."""
    video = audio = None
    for stream in STREAM.finditer(stderr):
        if stream.group("kind") == "Video":
            # Cover art in an audio file is a still image, not a video track.
            if video is None and "(attached pic)" not in stream.group("rest"):
                video = stream
        elif audio is None:
            audio = stream
    return video, audio


def _geometry(video: re.Match | None) -> tuple[int | None, int | None, int]:
    """Width and height as displayed (a 90-degree rotation swaps them), and the rotation."""
    if video is None:
        return None, None, 0
    size = SIZE.search(video.group("rest") + " ")
    if not size:
        raise ProbeError("The video stream has no readable picture size; the file may be corrupt.")
    width, height = int(size.group("w")), int(size.group("h"))
    # Side data and tags follow the stream line; stop at the next stream.
    tail = video.string[video.end() :].split("Stream #", 1)[0]
    turned = ROTATION.search(tail)
    rotation = 0
    if turned:
        rotation = int(round(float(turned.group("matrix") or turned.group("tag")))) % 360
    if rotation in (90, 270):
        width, height = height, width
    return width, height, rotation


def _duration(stderr: str) -> float | None:
    """Seconds from the `Duration:` line, or None when unknown."""
    found = DURATION.search(stderr)
    if not found:
        return None
    seconds = int(found.group("h")) * 3600 + int(found.group("m")) * 60 + float(found.group("s"))
    return round(seconds, 3) if seconds > 0 else None


def _codec(stream: re.Match | None) -> str | None:
    """The codec name of a stream line."""
    return stream.group("codec") if stream else None


def _scan(path: str | Path, timeout: float) -> float | None:
    """Read every packet without decoding; ProbeError when the file is damaged."""
    cmd = [ffmpeg_binary(), "-hide_banner", "-nostdin", "-v", "error", "-i", str(path)]
    cmd += [
        "-map",
        "0:v?",
        "-map",
        "0:a?",
        "-c",
        "copy",
        "-f",
        "null",
        "-",
        "-progress",
        "pipe:1",
        "-nostats",
    ]
    try:
        result = subprocess.run(  # noqa: S603 - a fixed argument list
            cmd, capture_output=True, text=True, errors="replace", timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise ProbeError("Reading the file took too long; it may be damaged.") from exc
    errors = result.stderr.lower()
    if result.returncode != 0 or any(sign in errors for sign in DAMAGE):
        raise ProbeError(TRUNCATED)
    times = re.findall(r"^out_time_us=(\d+)$", result.stdout, re.M)
    return round(int(times[-1]) / 1e6, 3) if times and int(times[-1]) > 0 else None
