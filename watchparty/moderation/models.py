"""Reports users file for staff review."""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

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
