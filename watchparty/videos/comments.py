"""Comments on videos: threads one level deep, edits, deletion with replies, comment likes."""

import uuid

from sqlalchemy import delete, or_, select

from watchparty.common.inserts import insert_once
from watchparty.common.pagination import paginate
from watchparty.common.types import utcnow
from watchparty.errors import Forbidden, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.videos import notices
from watchparty.videos.access import is_owner, visible_video
from watchparty.videos.augmented import Augmented
from watchparty.videos.engagement_models import CommentLike, VideoComment
from watchparty.videos.models import Video
from watchparty.videos.view_counts import bump, counter


def _liked_ids(user, comments: list[VideoComment]) -> set:
    """Which of these comments the caller likes (one query per page)."""
    if user is None or not comments:
        return set()
    ids = [c.id for c in comments]
    query = select(CommentLike.comment_id).where(
        CommentLike.user_id == user.id, CommentLike.comment_id.in_(ids)
    )
    return set(db.session.scalars(query))


def as_seen_by(user, comments: list[VideoComment]) -> list[Augmented]:
    """Comments as the caller sees them: each with `is_liked` (for CommentSchema)."""
    liked = _liked_ids(user, comments)
    return [Augmented(c, is_liked=c.id in liked) for c in comments]


def _page_seen_by(user, stmt, page: int, page_size: int) -> dict:
    """paginate() whose comments carry the caller's `is_liked`."""
    found = paginate(stmt, page, page_size)
    return found | {"results": as_seen_by(user, found["results"])}


def get_comment(user, comment_id: uuid.UUID) -> VideoComment:
    """The comment if the caller may see its video; 404 otherwise."""
    comment = db.session.get(VideoComment, comment_id)
    if comment is None or comment.hidden:
        raise NotFound("Comment not found")
    try:
        visible_video(user, comment.video_id)
    except NotFound as error:
        raise NotFound("Comment not found") from error
    return comment


def list_comments(user, video_id: uuid.UUID, page: int, page_size: int) -> dict:
    """A page of a video's top-level comments, newest first, with their reply counts."""
    video = visible_video(user, video_id)
    stmt = (
        select(VideoComment)
        .where(VideoComment.video_id == video.id, VideoComment.parent_id.is_(None))
        .where(VideoComment.hidden.is_(False))
        .order_by(VideoComment.created_at.desc(), VideoComment.id.desc())
    )
    return _page_seen_by(user, stmt, page, page_size)


def list_replies(user, comment_id: uuid.UUID, page: int, page_size: int) -> dict:
    """A page of a comment's replies, oldest first."""
    comment = get_comment(user, comment_id)
    stmt = (
        select(VideoComment)
        .where(VideoComment.parent_id == comment.id, VideoComment.hidden.is_(False))
        .order_by(VideoComment.created_at, VideoComment.id)
    )
    return _page_seen_by(user, stmt, page, page_size)


def _thread_root(video: Video, parent_id: uuid.UUID) -> VideoComment:
    """The top-level comment a reply joins (a reply to a reply joins its thread)."""
    parent = db.session.get(VideoComment, parent_id)
    if parent is None or parent.video_id != video.id:
        raise ValidationError(
            "The parent comment does not belong to this video.",
            errors={"parent_id": ["No such comment on this video."]},
        )
    if parent.parent_id is not None:
        parent = db.session.get(VideoComment, parent.parent_id) or parent
    return parent


def add_comment(user, video_id: uuid.UUID, content: str, parent_id: uuid.UUID | None) -> Augmented:
    """Comment on a video, or reply to one of its comments. Commits."""
    video = visible_video(user, video_id)
    root = _thread_root(video, parent_id) if parent_id else None
    now = utcnow()
    comment = VideoComment(
        video_id=video.id,
        user_id=user.id,
        parent_id=root.id if root else None,
        body=content,
        created_at=now,
        updated_at=now,
    )
    db.session.add(comment)
    db.session.flush()
    bump(Video, video.id, "comments_count", 1)
    if root is not None:
        bump(VideoComment, root.id, "replies_count", 1)
    db.session.commit()
    notices.commented(
        video, comment, db.session.get(VideoComment, parent_id) if parent_id else None
    )
    return as_seen_by(user, [comment])[0]


def edit_comment(user, comment_id: uuid.UUID, content: str) -> Augmented:
    """Change a comment's text (its author only). Commits."""
    comment = get_comment(user, comment_id)
    if comment.user_id != user.id:
        raise Forbidden("Only the author can edit a comment.")
    if content != comment.body:
        comment.body = content
        comment.updated_at = utcnow()
    db.session.commit()
    db.session.refresh(comment)
    return as_seen_by(user, [comment])[0]


def delete_comment(user, comment_id: uuid.UUID) -> None:
    """Delete a comment and its replies (author, video owner or staff); counters follow. Commits."""
    comment = get_comment(user, comment_id)
    video = db.session.get(Video, comment.video_id)
    if comment.user_id != user.id and not is_owner(user, video):
        raise Forbidden("You do not have permission to perform this action")
    thread = select(VideoComment.id).where(
        or_(VideoComment.id == comment.id, VideoComment.parent_id == comment.id)
    )
    # Explicit: SQLite does not enforce ON DELETE CASCADE unless told to.
    db.session.execute(
        delete(CommentLike)
        .where(CommentLike.comment_id.in_(thread))
        .execution_options(synchronize_session=False)
    )
    # Counted by what each DELETE removed, so two deleters at once subtract once.
    replies = db.session.execute(
        delete(VideoComment)
        .where(VideoComment.parent_id == comment.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    removed = db.session.execute(
        delete(VideoComment)
        .where(VideoComment.id == comment.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    if removed and comment.parent_id is not None:
        bump(VideoComment, comment.parent_id, "replies_count", -1)
    if replies + removed:
        bump(Video, video.id, "comments_count", -(replies + removed))
    db.session.commit()


def set_comment_like(user, comment_id: uuid.UUID, is_like: bool) -> dict:
    """Like or unlike a comment (idempotent); the result. Commits."""
    comment = get_comment(user, comment_id)
    if is_like:
        new = insert_once(
            CommentLike,
            missing="Comment not found",
            comment_id=comment.id,
            user_id=user.id,
            created_at=utcnow(),
        )
        if new:
            bump(VideoComment, comment.id, "likes_count", 1)
    else:
        gone = db.session.execute(
            delete(CommentLike)
            .where(CommentLike.comment_id == comment.id, CommentLike.user_id == user.id)
            .execution_options(synchronize_session=False)
        ).rowcount
        if gone:
            bump(VideoComment, comment.id, "likes_count", -1)
    db.session.commit()
    return {
        "success": True,
        "is_liked": is_like,
        "like_count": counter(VideoComment, comment.id, "likes_count"),
    }
