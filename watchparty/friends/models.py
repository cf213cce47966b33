"""Friendships (one row per pair: a pending request or an accepted friendship) and blocks."""

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

PENDING, ACCEPTED = "pending", "accepted"


class FriendLink(IdMixin, db.Model):
    """The one row of a pair of users, keyed by (low_id, high_id): two people asking each
    other at once meet on its unique constraint and become friends once."""

    __tablename__ = "friend_links"
    __table_args__ = (
        UniqueConstraint("low_id", "high_id"),
        CheckConstraint("low_id < high_id", name="friend_link_ordered"),
    )

    low_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    high_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    requester_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10), default=PENDING, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    requester = relationship("User", foreign_keys=[requester_id], lazy="joined")

    def other(self, user_id: uuid.UUID) -> uuid.UUID:
        """The other user of the pair."""
        return self.high_id if user_id == self.low_id else self.low_id

    @property
    def recipient_id(self) -> uuid.UUID:
        """Who the request was sent to."""
        return self.other(self.requester_id)


class Block(IdMixin, db.Model):
    """`blocker` blocked `blocked`: no requests, messages, profile, presence or their parties."""

    __tablename__ = "user_blocks"
    __table_args__ = (UniqueConstraint("blocker_id", "blocked_id"),)

    blocker_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    blocked_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    blocked = relationship("User", foreign_keys=[blocked_id], lazy="joined")
