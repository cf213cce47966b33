"""What the videos domain tells people through notifications: comments on their videos, replies
to their comments, and the end of their video's processing (ready or failed). The comment's
author is the notice's actor: nobody hears of a comment by someone they blocked (the sink
drops it)."""

from watchparty.common.notify import notify
from watchparty.extensions import db
from watchparty.users.models import User
from watchparty.videos.engagement_models import VideoComment
from watchparty.videos.models import READY, Video

PREVIEW = 140


def _lit(text: str) -> str:
    """User text inside a `collapsed` template, which is filled in with str.format."""
    return text.replace("{", "{{").replace("}", "}}")


def _preview(text: str) -> str:
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def _tell(user_id, author: User, kind: str, title: str, message: str, **extra) -> None:
    """Notify `user_id` of the author's comment."""
    notify(user_id, kind, title, message, actor_id=author.id, **extra)


def commented(video: Video, comment: VideoComment, parent: VideoComment | None) -> None:
    """After the commit: the author of the comment replied to, and the video's owner (unless
    the owner is that author: the reply says it all), hear of the new comment."""
    author = db.session.get(User, comment.user_id)
    data = {"video_id": str(video.id), "comment_id": str(comment.id), "author_id": str(author.id)}
    if parent is not None:
        _tell(
            parent.user_id,
            author,
            "comment_reply",
            "New reply to your comment",
            f"{author.full_name} replied: {_preview(comment.body)}",
            data=data | {"parent_id": str(parent.id)},
            collapse_key=f"comment_reply:{parent.id}",
            collapsed=f"{{count}} new replies to your comment on “{_lit(video.title)}”",
        )
    if parent is None or parent.user_id != video.owner_id:
        _tell(
            video.owner_id,
            author,
            "video_comment",
            "New comment on your video",
            f"{author.full_name} commented on “{video.title}”: {_preview(comment.body)}",
            data=data,
            collapse_key=f"video_comment:{video.id}",
            collapsed=f"{{count}} new comments on “{_lit(video.title)}”",
        )


def processed(video: Video) -> None:
    """The owner hears that their video is ready to play, or why it failed."""
    data = {"video_id": str(video.id)}
    if video.status == READY:
        notify(
            video.owner_id,
            "video_ready",
            "Your video is ready",
            f"“{video.title}” has been processed and is ready to watch",
            data=data,
        )
        return
    notify(
        video.owner_id,
        "video_failed",
        "Your video could not be processed",
        f"“{video.title}” failed: {video.failure_reason or 'processing stopped'}",
        data=data,
    )
