"""A post's image upload: a real image, re-encoded (no metadata) and scaled down, stored under
a private key that only signed URLs reach."""

import io
import uuid

from flask import current_app
from PIL import Image, ImageOps
from werkzeug.datastructures import FileStorage

from watchparty.errors import TooLarge, UnsupportedMedia, ValidationError
from watchparty.extensions import db
from watchparty.feed import access
from watchparty.feed.models import Post
from watchparty.storage import storage
from watchparty.users.avatar import FORMATS, IMAGE_ERRORS
from watchparty.users.models import User

MAX_SIDE = 1600


def _read(upload: FileStorage | None) -> bytes:
    """The upload's bytes, reading no more than the limit allows."""
    if upload is None:
        raise ValidationError(
            "Send the image as multipart field `image`.",
            errors={"image": ["No file was uploaded."]},
        )
    limit = current_app.config["AVATAR_MAX_BYTES"]
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"The image must be at most {limit // 1024} KiB.")
    if not data:
        raise ValidationError("The uploaded file is empty.", errors={"image": ["Empty file."]})
    return data


def reencode(data: bytes) -> tuple[bytes, str]:
    """Verify the image, then redraw it at most 1600 px a side as PNG (alpha) or JPEG."""
    unsupported = UnsupportedMedia(
        "The image must be a JPEG, PNG, GIF or WebP image.",
        errors={"image": ["Not a supported image."]},
    )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in FORMATS:
                raise unsupported
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:  # verify() leaves the image unusable
            image.seek(0)
            image = ImageOps.exif_transpose(image)
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            if image.mode in ("RGBA", "LA", "PA", "P") or "transparency" in image.info:
                image.convert("RGBA").save(out, "PNG", optimize=True)
                return out.getvalue(), "png"
            image.convert("RGB").save(out, "JPEG", quality=88)
            return out.getvalue(), "jpg"
    except IMAGE_ERRORS as exc:
        raise unsupported from exc


def attach(user: User, post_id: uuid.UUID, upload: FileStorage | None) -> Post:
    """Set (or replace) the image of the caller's post; the previous file is removed."""
    post = access.owned_post(user, post_id)
    data, extension = reencode(_read(upload))
    key = f"private/feed/{post.creator_id}/{post.id}/{uuid.uuid4()}.{extension}"
    storage().save(key, data, f"image/{'png' if extension == 'png' else 'jpeg'}")
    previous, post.image_key = post.image_key, key
    db.session.commit()
    if previous:
        storage().delete(previous)
    return post


def detach(user: User, post_id: uuid.UUID) -> Post:
    """Remove the image of the caller's post."""
    post = access.owned_post(user, post_id)
    previous, post.image_key = post.image_key, None
    db.session.commit()
    if previous:
        storage().delete(previous)
    return post
