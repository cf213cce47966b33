"""Follows of creators, creators' posts (public or for chosen tiers), their likes and comments."""

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin, TimestampMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

PUBLIC, TIERS = "public", "tiers"
TITLE_MAX, TEXT_MAX, COMMENT_MAX = 200, 5000, 1000


class Follow(db.Model):
    """`follower` follows `creator`: one row per pair, so concurrent follows make one row."""

    __tablename__ = "feed_follows"

    follower_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    creator_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("creator_profiles.user_id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    follower = relationship("User", foreign_keys=[follower_id], lazy="joined")
    creator = relationship("CreatorProfile", lazy="joined")


class PostTier(db.Model):
    """A tier whose active subscribers see a gated post's body and media."""

    __tablename__ = "feed_post_tiers"

    post_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("feed_posts.id", ondelete="CASCADE"), primary_key=True
    )
    tier_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("creator_tiers.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    tier = relationship("CreatorTier", lazy="joined")


class Post(IdMixin, TimestampMixin, db.Model):
    """A creator's post: a title and text, maybe an image (a private storage key) or one of
    the creator's videos; `visibility` public, or `tiers` (only the tiers listed)."""

    __tablename__ = "feed_posts"

    creator_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("creator_profiles.user_id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    text: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[str] = mapped_column(String(10), default=PUBLIC)
    image_key: Mapped[str | None] = mapped_column(String(300))
    video_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("videos.id", ondelete="SET NULL"), index=True
    )
    # Hidden pending review or removed by staff (moderation): only its creator still sees it.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)

    creator = relationship("CreatorProfile", lazy="joined")
    post_tiers = relationship(
        "PostTier", lazy="selectin", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def tiers(self) -> list:
        """The tiers that see the post (none when public)."""
        return [link.tier for link in self.post_tiers]


class PostLike(db.Model):
    """`user` likes `post`: one row per pair (liking twice changes nothing)."""

    __tablename__ = "feed_post_likes"

    post_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("feed_posts.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PostComment(IdMixin, db.Model):
    """A comment on a post by someone who can see its body."""

    __tablename__ = "feed_post_comments"

    post_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("feed_posts.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(String(COMMENT_MAX))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    author = relationship("User", lazy="joined")
