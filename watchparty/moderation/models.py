"""Reports users file for staff review: of parties and of other users."""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

REPORT_REASONS = (
    "inappropriate_content",
    "spam",
    "harassment",
    "hate_speech",
    "violence",
    "copyright",
    "other",
)


class PartyReport(IdMixin, db.Model):
    """A user's report of a party for staff review; one per (party, reporter)."""

    __tablename__ = "party_reports"
    __table_args__ = (UniqueConstraint("party_id", "reporter_id"),)

    party_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"), index=True
    )
    reporter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class UserReport(IdMixin, db.Model):
    """A user's report of another user for staff review; one per (reported, reporter)."""

    __tablename__ = "user_reports"
    __table_args__ = (UniqueConstraint("reported_id", "reporter_id"),)

    reported_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    reporter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    reported = relationship("User", foreign_keys=[reported_id], lazy="joined")
    reporter = relationship("User", foreign_keys=[reporter_id], lazy="joined")
