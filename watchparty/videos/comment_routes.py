"""REST views of video comments: threads, replies, edits, deletion and comment likes."""

import uuid

from watchparty.common.auth import auth_required, current_user, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import MessageSchema, message
from watchparty.videos import comments
from watchparty.videos.comment_schemas import (
    CommentCreateSchema,
    CommentLikeResultSchema,
    CommentPageSchema,
    CommentSchema,
    CommentTextSchema,
)

blp = Blueprint("videos_comment_routes", __name__, description="Video comments")
COMMENT = "/comments/<uuid:comment_id>"


@blp.get("/<uuid:video_id>/comments/")
@optional_auth
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, CommentPageSchema)
def list_comments(query, video_id: uuid.UUID):
    """Top-level comments, newest first, with their reply counts."""
    user = current_user or None
    return comments.list_comments(user, video_id, query["page"], query["page_size"])


@blp.post("/<uuid:video_id>/comments/")
@auth_required
@blp.arguments(CommentCreateSchema)
@blp.response(201, CommentSchema)
def add_comment(body, video_id: uuid.UUID):
    """Comment on a video, or reply with `parent_id` (replies join the top-level thread)."""
    return comments.add_comment(current_user, video_id, body["content"], body["parent_id"])


@blp.get(f"{COMMENT}/replies/")
@optional_auth
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, CommentPageSchema)
def list_replies(query, comment_id: uuid.UUID):
    """A comment's replies, oldest first."""
    user = current_user or None
    return comments.list_replies(user, comment_id, query["page"], query["page_size"])


@blp.patch(f"{COMMENT}/")
@auth_required
@blp.arguments(CommentTextSchema)
@blp.response(200, CommentSchema)
def edit_comment(body, comment_id: uuid.UUID):
    """Edit a comment's text (author only)."""
    return comments.edit_comment(current_user, comment_id, body["content"])


@blp.delete(f"{COMMENT}/")
@auth_required
@blp.response(200, MessageSchema)
def delete_comment(comment_id: uuid.UUID):
    """Delete a comment and its replies (author, the video's owner or staff)."""
    comments.delete_comment(current_user, comment_id)
    return message("Comment deleted.")


@blp.post(f"{COMMENT}/like/")
@auth_required
@blp.response(200, CommentLikeResultSchema)
def like_comment(comment_id: uuid.UUID):
    """Like a comment (idempotent)."""
    return comments.set_comment_like(current_user, comment_id, True)


@blp.post(f"{COMMENT}/unlike/")
@auth_required
@blp.response(200, CommentLikeResultSchema)
def unlike_comment(comment_id: uuid.UUID):
    """Unlike a comment (idempotent)."""
    return comments.set_comment_like(current_user, comment_id, False)


@blp.delete(f"{COMMENT}/like/")
@auth_required
@blp.response(200, CommentLikeResultSchema)
def delete_comment_like(comment_id: uuid.UUID):
    """Unlike a comment (idempotent; same as POST .../unlike/)."""
    return comments.set_comment_like(current_user, comment_id, False)
