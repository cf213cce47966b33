"""Stripe webhook events (stored once each) and reconciliation runs (what they repaired)."""

from datetime import datetime

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

RECEIVED, PROCESSED, FAILED = "received", "processed", "failed"


class WebhookEvent(db.Model):
    """One Stripe event, keyed by its id: a replay finds the row and changes nothing."""

    __tablename__ = "billing_webhook_events"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)  # evt_...
    type: Mapped[str] = mapped_column(String(100), index=True)
    created: Mapped[int] = mapped_column(Integer)  # Stripe's event timestamp
    payload: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(12), default=RECEIVED, index=True)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReconciliationRun(IdMixin, db.Model):
    """One comparison of local billing state with Stripe, and every repair it made."""

    __tablename__ = "billing_reconciliation_runs"

    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12), default="running")
    checked: Mapped[int] = mapped_column(Integer, default=0)
    # [{"object": "subscription", "id": "sub_...", "field": "status", "from": .., "to": ..}]
    changes: Mapped[list] = mapped_column(JSON, default=list)
    error: Mapped[str | None] = mapped_column(Text)
