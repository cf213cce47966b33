"""What a party may play: a direct HLS/MP4 URL, or an uploaded video once that domain exists."""

import uuid

from sqlalchemy import select

from watchparty.errors import ValidationError
from watchparty.extensions import db


def check_video(video_id: uuid.UUID) -> None:
    """Accept a `video_id` only if a row exists in the `videos` table; 400 otherwise."""
    table = db.metadata.tables.get("videos")  # the videos domain registers it when it lands
    found = table is not None and db.session.scalar(
        select(table.c.id).where(table.c.id == video_id)
    )
    if not found:
        raise ValidationError("Unknown video.", errors={"video_id": ["Unknown video."]})
