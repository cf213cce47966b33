"""Avatar upload: a real image, re-encoded (no metadata) and scaled down before storing."""

import io
import uuid

from flask import current_app
from PIL import Image, ImageOps, UnidentifiedImageError
from werkzeug.datastructures import FileStorage

from watchparty.errors import TooLarge, UnsupportedMedia, ValidationError
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.users import activity
from watchparty.users.models import User

FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
MAX_SIDE = 512
# Pillow raises on anything it cannot parse, and DecompressionBombError on absurd sizes.
IMAGE_ERRORS = (
    UnidentifiedImageError,
    Image.DecompressionBombError,
    OSError,
    SyntaxError,
    ValueError,
)


def _read_limited(upload: FileStorage) -> bytes:
    """The upload's bytes, reading no more than the limit allows."""
    limit = current_app.config["AVATAR_MAX_BYTES"]
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"The avatar must be at most {limit // 1024} KiB.")
    if not data:
        raise ValidationError("The uploaded file is empty.", errors={"avatar": ["Empty file."]})
    return data


def _reencode(data: bytes) -> tuple[bytes, str]:
    """Verify the image, then redraw it at most 512x512 as PNG (with alpha) or JPEG."""
    unsupported = UnsupportedMedia(
        "The avatar must be a JPEG, PNG, GIF or WebP image.",
        errors={"avatar": ["Not a supported image."]},
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
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            out = io.BytesIO()
            if has_alpha or image.mode == "P":
                image.convert("RGBA").save(out, "PNG", optimize=True)
                return out.getvalue(), "png"
            image.convert("RGB").save(out, "JPEG", quality=88)
            return out.getvalue(), "jpg"
    except IMAGE_ERRORS as exc:
        raise unsupported from exc


def is_stored_key(value: str | None) -> bool:
    """True for avatars we host (storage keys), False for external URLs (social sign-in)."""
    return bool(value) and not value.startswith(("http://", "https://"))


def upload(user: User, upload: FileStorage | None) -> str:
    """Validate, re-encode and store a new avatar; the previous file is removed."""
    if upload is None:
        raise ValidationError(
            "Send the image as multipart field `avatar`.",
            errors={"avatar": ["No file was uploaded."]},
        )
    data, extension = _reencode(_read_limited(upload))
    key = f"avatars/{user.id}/{uuid.uuid4()}.{extension}"
    storage().save(key, data)
    previous = user.avatar
    user.avatar = key
    activity.record(user.id, activity.PROFILE_UPDATED, fields=["avatar"])
    db.session.commit()
    if is_stored_key(previous):
        storage().delete(previous)
    return storage().url(key)
