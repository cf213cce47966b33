"""Helpers of the users tests: images made in memory."""

import io

from PIL import Image


def image_bytes(fmt: str = "PNG", size=(64, 48), mode: str = "RGB", **save) -> bytes:
    """A real image in `fmt`."""
    out = io.BytesIO()
    Image.new(mode, size, color=(200, 30, 60) if mode == "RGB" else None).save(out, fmt, **save)
    return out.getvalue()
