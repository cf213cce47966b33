"""Staff management of videos: every video with filters, and removal (audited; the files and
HLS output are deleted by a job after the commit)."""

import uuid

from sqlalchemy import select

from watchparty.common.pagination import paginate
from watchparty.common.search import any_contains
from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.site import audit
from watchparty.users.models import User
from watchparty.videos import service as videos
from watchparty.videos.models import Video
from watchparty.videos.tasks import purge_video

VIDEO_DELETED = "video.deleted"


def list_videos(query: dict) -> dict:
    """A page of every video (any visibility or status), newest first; `search` (title,
    owner's email or name), `status`, `visibility`, `owner` (id) filter."""
    stmt = select(Video).join(User, User.id == Video.owner_id)
    if query.get("search") and query["search"].strip():
        fields = (Video.title, User.email, User.display_name, User.first_name, User.last_name)
        stmt = stmt.where(any_contains(fields, query["search"].strip()))
    for name, column in (("status", Video.status), ("visibility", Video.visibility)):
        if query.get(name):
            stmt = stmt.where(column == query[name])
    if query.get("owner"):
        stmt = stmt.where(Video.owner_id == query["owner"])
    stmt = stmt.order_by(Video.created_at.desc(), Video.id)
    return paginate(stmt, query["page"], query["page_size"])


def remove_video(actor: User, video_id: uuid.UUID, reason: str) -> None:
    """Delete any video: it leaves its parties, the action is audited, and a job removes its
    storage objects once the deletion is committed."""
    video = db.session.get(Video, video_id)
    if video is None:
        raise NotFound("No video with this id.", code="video_not_found")
    details = {"title": video.title, "owner_id": str(video.owner_id), "status": video.status}
    upload_keys = videos.remove_any(video.id)
    audit.record(actor.id, VIDEO_DELETED, "video", video_id, reason, details)
    db.session.commit()
    purge_video.enqueue(str(video_id), upload_keys)
