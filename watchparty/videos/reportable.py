"""Videos and their comments as reportable content (common/reportables.py): hidden or removed,
they leave every list and page for everyone but the video's owner and staff."""

import uuid

from watchparty.common import reportables
from watchparty.extensions import db
from watchparty.videos.access import can_view
from watchparty.videos.engagement_models import VideoComment
from watchparty.videos.models import Video


def _flag(model, hidden: bool):
    def change(content_id: uuid.UUID, actor_id: uuid.UUID | None = None):
        row = db.session.get(model, content_id)
        if row is not None:
            row.hidden = hidden

    return change


def _video_owner(video_id: uuid.UUID):
    video = db.session.get(Video, video_id)
    return video.owner_id if video is not None else None


def _video_visible(user, video_id: uuid.UUID) -> bool:
    video = db.session.get(Video, video_id)
    return video is not None and not video.hidden and can_view(user, video)


def _video_text(video_id: uuid.UUID) -> str:
    video = db.session.get(Video, video_id)
    return f"{video.title}\n\n{video.description or ''}".strip() if video is not None else ""


def _comment_owner(comment_id: uuid.UUID):
    comment = db.session.get(VideoComment, comment_id)
    return comment.user_id if comment is not None else None


def _comment_visible(user, comment_id: uuid.UUID) -> bool:
    comment = db.session.get(VideoComment, comment_id)
    if comment is None or comment.hidden:
        return False
    return _video_visible(user, comment.video_id)


def _comment_text(comment_id: uuid.UUID) -> str:
    comment = db.session.get(VideoComment, comment_id)
    return comment.body if comment is not None else ""


VIDEO = reportables.Reportable(
    name=reportables.VIDEO,
    label="Video",
    owner=_video_owner,
    visible_to=_video_visible,
    text=_video_text,
    hide=_flag(Video, True),
    unhide=_flag(Video, False),
    remove=_flag(Video, True),
)
COMMENT = reportables.Reportable(
    name=reportables.VIDEO_COMMENT,
    label="Video comment",
    owner=_comment_owner,
    visible_to=_comment_visible,
    text=_comment_text,
    hide=_flag(VideoComment, True),
    unhide=_flag(VideoComment, False),
    remove=_flag(VideoComment, True),
)
