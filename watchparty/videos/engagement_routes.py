"""REST views of what viewers do with a video: views, likes, shares; and validate-url."""

import uuid

from flask import request

from watchparty.common.auth import auth_required, current_user, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.videos import likes, remote, shares, view_counts
from watchparty.videos.engagement_schemas import (
    LikeResultSchema,
    LikerPageSchema,
    LikeSchema,
    ShareCreateSchema,
    ShareResultSchema,
    ValidateUrlResultSchema,
    ValidateUrlSchema,
    ViewPageSchema,
    ViewReportSchema,
    ViewResultSchema,
)

blp = Blueprint("videos_engagement_routes", __name__, description="Video engagement")


@blp.post("/<uuid:video_id>/views/")
@optional_auth
@blp.arguments(ViewReportSchema)
@blp.response(200, ViewResultSchema)
def report_view(body, video_id: uuid.UUID):
    """Count a view (once per viewer per window) and add the seconds watched."""
    user = current_user or None
    return view_counts.report_view(user, video_id, request.remote_addr, body["watch_time"])


@blp.get("/<uuid:video_id>/views/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, ViewPageSchema)
def list_views(query, video_id: uuid.UUID):
    """The video's views, newest first (owner only; anonymous viewers show as null)."""
    return view_counts.list_views(current_user, video_id, query["page"], query["page_size"])


@blp.post("/<uuid:video_id>/like/")
@auth_required
@blp.arguments(LikeSchema)
@blp.response(200, LikeResultSchema)
def like(body, video_id: uuid.UUID):
    """Like (`is_like: true`), unlike (`false`) or toggle (empty body) a video."""
    return likes.set_like(current_user, video_id, body["is_like"])


@blp.delete("/<uuid:video_id>/like/")
@auth_required
@blp.response(200, LikeResultSchema)
def unlike(video_id: uuid.UUID):
    """Take back a like (idempotent)."""
    return likes.set_like(current_user, video_id, False)


@blp.get("/<uuid:video_id>/likes/")
@optional_auth
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, LikerPageSchema)
def list_likes(query, video_id: uuid.UUID):
    """The people who like the video, newest first."""
    user = current_user or None
    return likes.list_likes(user, video_id, query["page"], query["page_size"])


@blp.post("/<uuid:video_id>/share/")
@auth_required
@blp.arguments(ShareCreateSchema)
@blp.response(200, ShareResultSchema)
def share(body, video_id: uuid.UUID):
    """Share a video: a tracked link and the platform's share URL."""
    return shares.share(current_user, video_id, body["platform"], body["message"])


@blp.post("/validate-url/")
@auth_required
@blp.arguments(ValidateUrlSchema)
@blp.response(200, ValidateUrlResultSchema)
def validate_url(body):
    """Probe a remote media URL (public addresses only): type, size, duration."""
    return remote.validate_url(body["url"])
