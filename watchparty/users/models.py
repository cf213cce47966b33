"""The user account and what hangs off it directly: activity log and data exports."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from watchparty.common.models import IdMixin, TimestampMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

ACTIVE, SUSPENDED, BANNED, DELETED = "active", "suspended", "banned", "deleted"


def name_of(first: str | None, last: str | None, display: str | None, email: str) -> str:
    """What to call a user: first and last name, or the display name, or the email's local part."""
    return f"{first or ''} {last or ''}".strip() or display or email.split("@")[0]


class User(IdMixin, TimestampMixin, db.Model):
    """An account: credentials, profile, roles, status and preferences."""

    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    first_name: Mapped[str] = mapped_column(String(150), default="")
    last_name: Mapped[str] = mapped_column(String(150), default="")
    display_name: Mapped[str | None] = mapped_column(String(50))
    bio: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(String(100))
    website: Mapped[str | None] = mapped_column(String(200))
    avatar: Mapped[str | None] = mapped_column(String(500))
    is_premium: Mapped[bool] = mapped_column(Boolean, default=False)
    subscription_expires: Mapped[datetime | None] = mapped_column(UTCDateTime)
    date_joined: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    is_moderator: Mapped[bool] = mapped_column(Boolean, default=False)
    is_superuser: Mapped[bool] = mapped_column(Boolean, default=False)
    is_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    onboarding_completed: Mapped[bool] = mapped_column(Boolean, default=False)
    onboarding_steps: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default=ACTIVE, index=True)
    status_reason: Mapped[str | None] = mapped_column(String(500))
    status_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_pending_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    # The last accepted TOTP time step: a code is good once, not for its whole window.
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    backup_code_hashes: Mapped[list] = mapped_column(JSON, default=list)
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    notification_settings: Mapped[dict] = mapped_column(JSON, default=dict)
    privacy_settings: Mapped[dict] = mapped_column(JSON, default=dict)

    @property
    def full_name(self) -> str:
        """First and last name, or the display name, or the email's local part."""
        return name_of(self.first_name, self.last_name, self.display_name, self.email)

    @property
    def is_admin(self) -> bool:
        """Staff and superusers manage other accounts."""
        return bool(self.is_staff or self.is_superuser)

    @property
    def can_moderate(self) -> bool:
        """Moderators act on reports; admins and superusers may too."""
        return bool(self.is_moderator or self.is_admin)

    @property
    def is_subscription_active(self) -> bool:
        """Premium with an expiry in the future (or none)."""
        if not self.is_premium:
            return False
        return self.subscription_expires is None or self.subscription_expires > utcnow()

    @property
    def effective_status(self) -> str:
        """The status now: a timed suspension or ban lapses on its own."""
        if (
            self.status in (SUSPENDED, BANNED)
            and self.status_until
            and self.status_until <= utcnow()
        ):
            return ACTIVE
        return self.status

    @property
    def can_sign_in(self) -> bool:
        """Only active accounts sign in or use their tokens."""
        return self.effective_status == ACTIVE


class Activity(IdMixin, db.Model):
    """One entry of a user's activity log (sign-ins, password changes, party events)."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_user_created", "user_id", "created_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("users.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(50))
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    ip: Mapped[str | None] = mapped_column(String(45))
    user_agent: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class DataExport(IdMixin, db.Model):
    """A GDPR export: a JSON archive of what the user owns, built by a job."""

    __tablename__ = "data_exports"

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="pending")
    file_key: Mapped[str | None] = mapped_column(String(500))
    size: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
