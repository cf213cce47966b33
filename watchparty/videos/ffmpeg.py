"""Which ffmpeg to run: FFMPEG_BINARY, else the one on PATH, else imageio-ffmpeg's."""

import shutil
from functools import cache

from flask import current_app, has_app_context


@cache
def _discovered() -> str:
    on_path = shutil.which("ffmpeg")
    if on_path:
        return on_path
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def ffmpeg_binary() -> str:
    """The ffmpeg executable this process uses."""
    if has_app_context() and current_app.config.get("FFMPEG_BINARY"):
        return current_app.config["FFMPEG_BINARY"]
    return _discovered()
