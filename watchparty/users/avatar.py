"""Avatar upload: a real image, re-encoded (no metadata) and scaled down before storing."""

import uuid

from flask import current_app
from werkzeug.datastructures import FileStorage

from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.storage.images import read_limited, reencode
from watchparty.users import activity
from watchparty.users.models import User

MAX_SIDE = 512


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
    limit = current_app.config["AVATAR_MAX_BYTES"]
    data, extension = reencode(read_limited(upload, limit, "avatar"), MAX_SIDE, "avatar")
    key = f"avatars/{user.id}/{uuid.uuid4()}.{extension}"
    storage().save(key, data)
    previous = user.avatar
    user.avatar = key
    activity.record(user.id, activity.PROFILE_UPDATED, fields=["avatar"])
    db.session.commit()
    if is_stored_key(previous):
        storage().delete(previous)
    return storage().url(key)
