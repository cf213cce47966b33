"""Test clips made by real ffmpeg: a test pattern and a tone, in any container."""

import subprocess
from pathlib import Path

from watchparty.videos.ffmpeg import ffmpeg_binary

CODECS = {
    "mp4": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    "mov": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    "mkv": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    "webm": ["-c:v", "libvpx", "-b:v", "500k", "-c:a", "libopus"],
    "avi": ["-c:v", "mpeg4", "-c:a", "mp3"],
    "flv": ["-c:v", "flv", "-c:a", "mp3", "-ar", "44100"],
    "wmv": ["-c:v", "wmv2", "-c:a", "wmav2", "-f", "asf"],
}


def make_clip(
    path: Path,
    seconds: float = 3,
    size: str = "1280x720",
    audio: bool = True,
    video: bool = True,
    container: str = "mp4",
) -> Path:
    """Write a clip of `seconds` of testsrc2 at `size` (and a 440 Hz tone) to `path`."""
    cmd = [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-y"]
    if video:
        cmd += ["-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25:duration={seconds}"]
    if audio:
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    codecs = CODECS[container]
    if not audio:
        codecs = _drop_values(codecs, ("-c:a", "-ar"))
    if not video:
        codecs = _drop_values(codecs, ("-c:v", "-pix_fmt", "-b:v"))
    cmd += codecs
    if container == "mp4":
        cmd += ["-movflags", "+faststart"]
    cmd.append(str(path))
    subprocess.run(cmd, check=True, timeout=120)
    return path


def _drop_values(args: list[str], flags: tuple[str, ...]) -> list[str]:
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in flags:
            skip = True
            continue
        out.append(arg)
    return out


def can_decode(path_or_url: str) -> bool:
    """Whether ffmpeg decodes the whole input without an error."""
    result = subprocess.run(
        [ffmpeg_binary(), "-v", "error", "-i", path_or_url, "-f", "null", "-"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode == 0 and not result.stderr.strip()
