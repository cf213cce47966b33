"""What viewers do with a video: views, likes, comments (with replies and likes), shares."""

import uuid
from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin, TimestampMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db


class VideoView(IdMixin, db.Model):
    """A view: one per viewer per window (the UNIQUE constraint makes the count race-free)."""

    __tablename__ = "video_views"
    __table_args__ = (UniqueConstraint("video_id", "viewer_key", "window"),)

    video_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("videos.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # The user's id, or a keyed hash of an anonymous viewer's address: never the raw IP.
    viewer_key: Mapped[str] = mapped_column(String(64))
    window: Mapped[int] = mapped_column(Integer)
    watch_time: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    user = relationship("User", lazy="joined")


class VideoLike(db.Model):
    """One user's like of one video."""

    __tablename__ = "video_likes"

    video_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("videos.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User", lazy="joined")


class VideoComment(IdMixin, TimestampMixin, db.Model):
    """A comment on a video, or a reply to one (parent_id)."""

    __tablename__ = "video_comments"

    video_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("videos.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("video_comments.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)
    likes_count: Mapped[int] = mapped_column(Integer, default=0)
    replies_count: Mapped[int] = mapped_column(Integer, default=0)
    # Hidden pending review or removed by staff (moderation): left out of every list.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)

    user = relationship("User", lazy="joined")


class CommentLike(db.Model):
    """One user's like of one comment."""

    __tablename__ = "video_comment_likes"

    comment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("video_comments.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class VideoShare(IdMixin, db.Model):
    """A share of a video: the link handed out, and where to."""

    __tablename__ = "video_shares"

    video_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("videos.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    platform: Mapped[str] = mapped_column(String(20), default="link")
    message: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
