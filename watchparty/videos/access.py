"""Who may see, play and change a video."""

import uuid

from watchparty.common.hooks import Hook
from watchparty.errors import Forbidden, NotFound
from watchparty.extensions import db
from watchparty.videos.models import PRIVATE, READY, Video


def get_video(video_id: uuid.UUID) -> Video:
    """The video, or 404."""
    video = db.session.get(Video, video_id)
    if video is None:
        raise NotFound("Video not found")
    return video


# Who else may see a private video: the parties domain answers for members of a party that
# plays it (parties/hooks.py), without this module importing parties.
viewer_grants = Hook("videos.viewer_grants")


def plays_in_party_of(user_id: uuid.UUID, video_id: uuid.UUID) -> bool:
    """Whether a domain built on videos lets the user see the video (a party that plays it)."""
    return viewer_grants.any(user_id, video_id)


def is_owner(user, video: Video) -> bool:
    """The uploader, or staff."""
    return user is not None and (user.id == video.owner_id or user.is_staff)


def can_view(user, video: Video) -> bool:
    """Owners always; others once it is ready: public and unlisted to anyone, private to the
    members of a party that plays it."""
    if is_owner(user, video):
        return True
    if video.status != READY or video.hidden:
        return False
    if video.visibility != PRIVATE:
        return True
    return user is not None and plays_in_party_of(user.id, video.id)


def visible_video(user, video_id: uuid.UUID) -> Video:
    """The video if the caller may see it; 404 otherwise (a private video's existence stays
    private)."""
    video = get_video(video_id)
    if not can_view(user, video):
        raise NotFound("Video not found")
    return video


def owned_video(user, video_id: uuid.UUID) -> Video:
    """The video if the caller owns it; 404 when they cannot see it, 403 when they only can."""
    video = visible_video(user, video_id)
    if not is_owner(user, video):
        raise Forbidden("You do not have permission to perform this action")
    return video
