"""Staff video views (seed 003's Video Management)."""

import uuid

from watchparty.admin import videos_admin
from watchparty.admin.video_schemas import AdminVideoPage, AdminVideoQuerySchema, VideoRemovalSchema
from watchparty.common.auth import admin_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import MessageSchema, message

blp = Blueprint("admin_videos", __name__, description="Admin: videos")


@blp.get("/videos/")
@admin_required
@blp.arguments(AdminVideoQuerySchema, location="query")
@blp.response(200, AdminVideoPage)
def list_videos(query: dict):
    """Every video, newest first; `search`, `status`, `visibility`, `owner` filter."""
    return videos_admin.list_videos(query)


@blp.delete("/videos/<uuid:video_id>/delete/")
@admin_required
@blp.arguments(VideoRemovalSchema, location="query")
@blp.response(200, MessageSchema)
def delete_video(query: dict, video_id: uuid.UUID):
    """Delete a video: it leaves its parties; a job removes its files and HLS output."""
    videos_admin.remove_video(current_user, video_id, query["reason"])
    return message("The video was deleted; its files are being removed.")
