"""Reactions and polls of a party."""

import uuid
from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db


class Reaction(IdMixin, db.Model):
    """One emoji sent by a member at a moment of the video (the heatmap's raw data)."""

    __tablename__ = "reactions"
    # The heatmap groups a party's reactions by video time; the feed pages them by creation.
    __table_args__ = (
        Index("ix_reactions_party_video_ts", "party_id", "video_ts"),
        Index("ix_reactions_party_created", "party_id", "created_at"),
    )

    party_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    emoji: Mapped[str] = mapped_column(String(32))
    video_ts: Mapped[float] = mapped_column(Float, default=0.0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

    user = relationship("User", lazy="joined")


class Poll(IdMixin, db.Model):
    """A question with options that members vote on until it closes or its time runs out."""

    __tablename__ = "polls"

    party_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"), index=True
    )
    creator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(String(500))
    duration: Mapped[int] = mapped_column(Integer)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # Set by a host/moderator or the timer; a poll past ends_at is closed even while unset.
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)

    creator = relationship("User", lazy="joined")
    options = relationship(
        "PollOption", order_by="PollOption.position", lazy="selectin", cascade="all, delete-orphan"
    )

    def is_closed(self, now: datetime | None = None) -> bool:
        """Closed explicitly, or its duration has run out."""
        return self.closed_at is not None or (now or utcnow()) >= self.ends_at


class PollOption(IdMixin, db.Model):
    """One answer of a poll, in its place."""

    __tablename__ = "poll_options"
    __table_args__ = (UniqueConstraint("poll_id", "position"),)

    poll_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)


class PollVote(IdMixin, db.Model):
    """A member's one vote in a poll; the unique key makes "one vote per user" a fact."""

    __tablename__ = "poll_votes"
    __table_args__ = (UniqueConstraint("poll_id", "user_id", name="uq_poll_votes_poll_user"),)

    poll_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"))
    option_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("poll_options.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
