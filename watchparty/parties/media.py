"""What a party may play: a direct HLS/MP4 URL, or an uploaded video its host may see."""

import uuid

from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.users.models import User
from watchparty.videos.access import is_owner
from watchparty.videos.models import PRIVATE, READY, Video


def check_video(video_id: uuid.UUID, host_id: uuid.UUID) -> None:
    """Accept a video the party's host owns, or a public/unlisted ready one; 400 otherwise.

    Not `can_view`: a private video reaches a party only through its owner, never through
    someone who can watch it because another party plays it."""
    video = db.session.get(Video, video_id)
    host = db.session.get(User, host_id)
    allowed = video is not None and (
        is_owner(host, video) or (video.status == READY and video.visibility != PRIVATE)
    )
    if not allowed:  # the same answer for missing and hidden: a private video stays private
        raise ValidationError("Unknown video.", errors={"video_id": ["Unknown video."]})
