"""Reports users file about any content (common/reportables.py lists the types) and what staff
did about each one."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

# Reason -> severity (4 is the most urgent); the queue shows the most severe first.
SEVERITY = {
    "violence": 4,
    "hate_speech": 3,
    "harassment": 3,
    "inappropriate_content": 2,
    "copyright": 2,
    "spam": 1,
    "other": 1,
}
REPORT_REASONS = tuple(SEVERITY)
SEVERITY_LABELS = {1: "low", 2: "medium", 3: "high", 4: "critical"}

OPEN, ASSIGNED, RESOLVED, DISMISSED = "open", "assigned", "resolved", "dismissed"
STATUSES = (OPEN, ASSIGNED, RESOLVED, DISMISSED)
PENDING = (OPEN, ASSIGNED)  # not decided yet
NO_ACTION, REMOVE, WARN, SUSPEND, BAN = "no_action", "remove", "warn", "suspend", "ban"
DECISIONS = (NO_ACTION, REMOVE, WARN, SUSPEND, BAN)

_pending_sql = text("status IN ('open', 'assigned')")


class ContentReport(IdMixin, db.Model):
    """One person's report of one piece of content; one pending report per (reporter, content)."""

    __tablename__ = "content_reports"
    __table_args__ = (
        Index(
            "uq_content_reports_pending",
            "content_type",
            "content_id",
            "reporter_id",
            unique=True,
            postgresql_where=_pending_sql,
            sqlite_where=_pending_sql,
        ),
        Index("ix_content_reports_content", "content_type", "content_id"),
        Index("ix_content_reports_status_created", "status", "created_at"),
    )

    content_type: Mapped[str] = mapped_column(String(20))
    content_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    reporter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(12), default=OPEN)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # Set when the threshold of distinct reporters held the content back pending review.
    content_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution_action: Mapped[str | None] = mapped_column(String(20))
    resolution_reason: Mapped[str] = mapped_column(Text, default="")
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    reporter = relationship("User", foreign_keys=[reporter_id], lazy="joined")
    assignee = relationship("User", foreign_keys=[assignee_id], lazy="joined")

    @property
    def severity_label(self) -> str:
        """low, medium, high or critical."""
        return SEVERITY_LABELS.get(self.severity, "low")


class ReportAction(IdMixin, db.Model):
    """One step in a report's history: filed, assigned, resolved, dismissed, hidden."""

    __tablename__ = "content_report_actions"

    report_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("content_reports.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor = relationship("User", lazy="joined")
