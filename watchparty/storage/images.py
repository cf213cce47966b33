"""Uploaded images made safe to store: bytes read up to a limit, then verified and redrawn
(no metadata, EXIF orientation applied, scaled down) as PNG when it has alpha, else JPEG.

Avatars and post images share it; each names its field (`avatar`, `image`) in the errors."""

import io

from PIL import Image, ImageOps, UnidentifiedImageError
from werkzeug.datastructures import FileStorage

from watchparty.errors import TooLarge, UnsupportedMedia, ValidationError

FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
# Pillow raises on anything it cannot parse, and DecompressionBombError on absurd sizes.
IMAGE_ERRORS = (
    UnidentifiedImageError,
    Image.DecompressionBombError,
    OSError,
    SyntaxError,
    ValueError,
)


def read_limited(upload: FileStorage, limit: int, field: str) -> bytes:
    """The upload's bytes, reading no more than `limit` (413 above it, 400 when empty)."""
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"The {field} must be at most {limit // 1024} KiB.")
    if not data:
        raise ValidationError("The uploaded file is empty.", errors={field: ["Empty file."]})
    return data


def reencode(data: bytes, max_side: int, field: str) -> tuple[bytes, str]:
    """Verify the image, then redraw it at most `max_side` px a side: (bytes, "png" or "jpg")."""
    unsupported = UnsupportedMedia(
        f"The {field} must be a JPEG, PNG, GIF or WebP image.",
        errors={field: ["Not a supported image."]},
    )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in FORMATS:
                raise unsupported
            probe.verify()
        # verify() leaves the image unusable: decode it again from the start.
        with Image.open(io.BytesIO(data)) as image:
            image.seek(0)
            image = ImageOps.exif_transpose(image)
            image.thumbnail((max_side, max_side))
            out = io.BytesIO()
            if image.mode in ("RGBA", "LA", "PA", "P") or "transparency" in image.info:
                image.convert("RGBA").save(out, "PNG", optimize=True)
                return out.getvalue(), "png"
            image.convert("RGB").save(out, "JPEG", quality=88)
            return out.getvalue(), "jpg"
    except IMAGE_ERRORS as exc:
        raise unsupported from exc
