"""A party and its members."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin, TimestampMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

SCHEDULED, LIVE, PAUSED, ENDED = "scheduled", "live", "paused", "ended"
STATUSES = (SCHEDULED, LIVE, PAUSED, ENDED)
PUBLIC, PRIVATE = "public", "private"
HOST, MODERATOR, PARTICIPANT = "host", "moderator", "participant"
ROLES = (HOST, MODERATOR, PARTICIPANT)
# Member statuses: only ACTIVE members hold a seat.
PENDING, ACTIVE, LEFT, KICKED, BANNED = "pending", "active", "left", "kicked", "banned"
# Who may control playback: the host, the host and moderators, or every member.
POLICY_HOST, POLICY_MODERATORS, POLICY_EVERYONE = "host", "moderators", "everyone"
CONTROL_POLICIES = (POLICY_HOST, POLICY_MODERATORS, POLICY_EVERYONE)
# Who may add to the queue: the same three choices (reordering follows control_policy).
QUEUE_POLICIES = CONTROL_POLICIES


class Party(IdMixin, TimestampMixin, db.Model):
    """A watch party: what plays, who may join and control it, and its last known playback."""

    __tablename__ = "parties"

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    host_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    # An uploaded video (videos domain) or a direct HLS/MP4 URL.
    video_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("videos.id", ondelete="SET NULL"), index=True
    )
    media_url: Mapped[str | None] = mapped_column(String(2000))
    media_duration: Mapped[float | None] = mapped_column(Float)  # probed when media_url is set
    visibility: Mapped[str] = mapped_column(String(10), default=PRIVATE, index=True)
    category: Mapped[str | None] = mapped_column(String(50), index=True)
    max_participants: Mapped[int] = mapped_column(Integer, default=50)
    # Active members (host included); changed only by conditional UPDATEs, so joins never
    # oversubscribe a party however many arrive at once.
    seats_taken: Mapped[int] = mapped_column(Integer, default=0)
    scheduled_start: Mapped[datetime | None] = mapped_column(UTCDateTime)
    require_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    allow_chat: Mapped[bool] = mapped_column(Boolean, default=True)
    allow_reactions: Mapped[bool] = mapped_column(Boolean, default=True)
    # Voice chat, cameras and screen shares (the voice domain); hosts turn it off.
    voice_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    control_policy: Mapped[str] = mapped_column(String(12), default=POLICY_MODERATORS)
    wait_for_ready: Mapped[bool] = mapped_column(Boolean, default=True)
    queue_policy: Mapped[str] = mapped_column(String(12), default=POLICY_EVERYONE)
    # The share of online members whose votes skip the item playing.
    skip_ratio: Mapped[float] = mapped_column(Float, default=0.5)
    # Bumped on every queue change, under the party row's lock: clients drop older broadcasts.
    queue_version: Mapped[int] = mapped_column(Integer, default=0)
    # The subtitle language viewers start with (each may pick another, or none, locally).
    subtitle_language: Mapped[str | None] = mapped_column(String(35))
    status: Mapped[str] = mapped_column(String(10), default=SCHEDULED, index=True)
    room_code: Mapped[str] = mapped_column(String(12), unique=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Deleted parties keep their row (chat, reactions and reports point at it) but vanish
    # from every view: get_party answers 404 for them.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Held back from public lists pending review (moderation's report threshold).
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    peak_online: Mapped[int] = mapped_column(Integer, default=0)
    # The last playback state, persisted from the live store so a restart can resume it.
    playback: Mapped[dict] = mapped_column(JSON, default=dict)

    host = relationship("User", lazy="joined")

    @property
    def is_public(self) -> bool:
        """Listed and joinable by anyone (seed 003's boolean view of `visibility`)."""
        return self.visibility == PUBLIC


class PartyParticipant(IdMixin, db.Model):
    """A user's membership of a party: role, status and time spent watching."""

    __tablename__ = "party_participants"
    __table_args__ = (UniqueConstraint("party_id", "user_id"),)

    party_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    role: Mapped[str] = mapped_column(String(12), default=PARTICIPANT)
    status: Mapped[str] = mapped_column(String(10), default=ACTIVE, index=True)
    request_message: Mapped[str | None] = mapped_column(String(500))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    watch_seconds: Mapped[int] = mapped_column(Integer, default=0)

    user = relationship("User", lazy="joined")
