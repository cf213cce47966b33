"""A post's image upload: a real image, re-encoded (no metadata) and scaled down, stored under
a private key that only signed URLs reach."""

import uuid

from flask import current_app
from werkzeug.datastructures import FileStorage

from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.feed import access
from watchparty.feed.models import Post
from watchparty.storage import storage
from watchparty.storage.images import read_limited, reencode
from watchparty.users.models import User

MAX_SIDE = 1600


def _read(upload: FileStorage | None) -> bytes:
    """The upload's bytes (the avatar's size limit), or 400 when nothing was sent."""
    if upload is None:
        raise ValidationError(
            "Send the image as multipart field `image`.",
            errors={"image": ["No file was uploaded."]},
        )
    return read_limited(upload, current_app.config["AVATAR_MAX_BYTES"], "image")


def attach(user: User, post_id: uuid.UUID, upload: FileStorage | None) -> Post:
    """Set (or replace) the image of the caller's post; the previous file is removed."""
    post = access.owned_post(user, post_id)
    data, extension = reencode(_read(upload), MAX_SIDE, "image")
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
