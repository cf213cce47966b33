"""Watch history entries (one per user and thing watched) and favorites (one per user and thing)."""

import uuid
from datetime import datetime

from sqlalchemy import Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

VIDEO, PARTY = "video", "party"
CONTENT_TYPES = (VIDEO, PARTY)


class WatchEntry(IdMixin, db.Model):
    """Something a user watched: an uploaded video, or a party's media; time summed, last seen."""

    __tablename__ = "watch_history"
    __table_args__ = (UniqueConstraint("user_id", "item_key"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # "video:<id>" for an uploaded video, wherever it played; "party:<id>" for a party's URL.
    item_key: Mapped[str] = mapped_column(String(50))
    video_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("videos.id", ondelete="CASCADE"), index=True
    )
    party_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("parties.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    last_watched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class Favorite(IdMixin, db.Model):
    """A video or a party a user marked as a favorite."""

    __tablename__ = "favorites"
    __table_args__ = (UniqueConstraint("user_id", "content_type", "content_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    content_type: Mapped[str] = mapped_column(String(10))
    content_id: Mapped[uuid.UUID] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
