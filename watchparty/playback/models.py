"""What a party watches: its queue of items, and the votes to skip the one playing."""

import uuid
from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

# An item waits in the queue, plays (one per party at most), then is done.
QUEUED, PLAYING, PLAYED = "queued", "playing", "played"
ITEM_STATUSES = (QUEUED, PLAYING, PLAYED)


class QueueItem(IdMixin, db.Model):
    """One thing to watch: an uploaded video or a checked media URL, in the party's order."""

    __tablename__ = "party_queue_items"

    party_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"), index=True
    )
    # Ordering key among the party's queued items (renumbered on move; gaps are fine).
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(10), default=QUEUED, index=True)
    video_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("videos.id", ondelete="SET NULL"))
    media_url: Mapped[str | None] = mapped_column(String(2000))
    subtitle_url: Mapped[str | None] = mapped_column(String(2000))  # as given (a media URL's)
    subtitle_key: Mapped[str | None] = mapped_column(String(500))  # its checked WebVTT, stored
    title: Mapped[str] = mapped_column(String(200), default="")
    duration: Mapped[float | None] = mapped_column(Float)
    thumbnail_url: Mapped[str | None] = mapped_column(String(2000))
    added_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    added_by = relationship("User", lazy="joined")


class SkipVote(IdMixin, db.Model):
    """A member's vote to skip the item playing: one per user and item, by constraint."""

    __tablename__ = "party_skip_votes"
    __table_args__ = (UniqueConstraint("item_id", "user_id"),)

    item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("party_queue_items.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
