"""Notifications (one per person and event, or one for several collapsed events), their
deliveries per channel and device, push devices, and the templates admins send from."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

QUEUED, SENT, FAILED, SKIPPED = "queued", "sent", "failed", "skipped"
WEB, ANDROID, IOS = "web", "android", "ios"
DEVICE_TYPES = (WEB, ANDROID, IOS)


class Notification(IdMixin, db.Model):
    """Something a user is told about; unread ones sharing a `collapse_key` are one row whose
    `count` grows."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_user_created", "user_id", "created_at"),
        # At most one unread row per key: the collapse is decided by the database.
        Index(
            "uq_notifications_unread_key",
            "user_id",
            "collapse_key",
            unique=True,
            postgresql_where=text("read_at IS NULL AND collapse_key IS NOT NULL"),
            sqlite_where=text("read_at IS NULL AND collapse_key IS NOT NULL"),
        ),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(String(200))
    message: Mapped[str] = mapped_column(String(1000))
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    collapse_key: Mapped[str | None] = mapped_column(String(200))
    count: Mapped[int] = mapped_column(Integer, default=1)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def read(self) -> bool:
        """Whether the user has read it."""
        return self.read_at is not None


class PushDevice(IdMixin, db.Model):
    """Where push messages go: a browser's Web Push subscription or a phone's FCM token."""

    __tablename__ = "push_devices"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    device_type: Mapped[str] = mapped_column(String(10))
    # An FCM registration token, or a Web Push subscription's endpoint URL.
    token: Mapped[str] = mapped_column(String(1024), unique=True)
    p256dh: Mapped[str | None] = mapped_column(String(200))  # Web Push only: the browser's keys
    auth: Mapped[str | None] = mapped_column(String(100))
    app_version: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Delivery(IdMixin, db.Model):
    """One notification on one channel (and, for push, one device): done at most once."""

    __tablename__ = "notification_deliveries"
    __table_args__ = (UniqueConstraint("notification_id", "channel", "target"),)

    notification_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notifications.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(20), index=True)
    target: Mapped[str] = mapped_column(String(64), default="")  # a device id for push
    status: Mapped[str] = mapped_column(String(10), default=QUEUED, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Template(IdMixin, db.Model):
    """A message admins send in bulk: title and body with {{ variables }}, optional HTML."""

    __tablename__ = "notification_templates"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    type: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
