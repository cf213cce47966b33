"""Party chat: messages, per-party settings, sanctions (mutes and bans) and the moderation log."""

import uuid
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

TEXT, EMOJI, SYSTEM, TIP = "text", "emoji", "system", "tip"
# TIP messages are written by creators/tips.py when a paid tip is sent in the host's party.
MESSAGE_TYPES = (TEXT, EMOJI, SYSTEM, TIP)
MUTE, BAN = "mute", "ban"

DEFAULT_SETTINGS = {
    "slow_mode": False,
    "slow_mode_interval": 5,
    "max_message_length": 500,
    "allow_links": True,
    "allow_emojis": True,
    "blocked_words": [],
}
MAX_MESSAGE_LENGTH = 2000


class ChatMessage(IdMixin, db.Model):
    """One chat message of a party; deletions are soft so moderation stays auditable."""

    __tablename__ = "chat_messages"
    # client_id makes a retried send idempotent; NULLs never collide, so it stays optional.
    __table_args__ = (
        UniqueConstraint("party_id", "user_id", "client_id", name="uq_chat_messages_client_id"),
        Index("ix_chat_messages_party_created", "party_id", "created_at"),
    )

    party_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    message_type: Mapped[str] = mapped_column(String(10), default=TEXT)
    reply_to_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="SET NULL")
    )
    client_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # Held back pending review (moderation's report threshold): deleted_at is set meanwhile.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)

    user = relationship("User", lazy="joined")


class ChatSettings(db.Model):
    """A party's chat rules; a party without a row uses DEFAULT_SETTINGS."""

    __tablename__ = "chat_settings"

    party_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True
    )
    slow_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    slow_mode_interval: Mapped[int] = mapped_column(Integer, default=5)
    max_message_length: Mapped[int] = mapped_column(Integer, default=500)
    allow_links: Mapped[bool] = mapped_column(Boolean, default=True)
    allow_emojis: Mapped[bool] = mapped_column(Boolean, default=True)
    # Words no message of this party may contain (on top of the site-wide chat_word_filter).
    blocked_words: Mapped[list] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class ChatSanction(IdMixin, db.Model):
    """A mute or ban of a user in a party's chat, until a time (None = until lifted)."""

    __tablename__ = "chat_sanctions"
    __table_args__ = (Index("ix_chat_sanctions_party_user", "party_id", "user_id", "kind"),)

    party_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(500), default="")
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ChatModerationLog(IdMixin, db.Model):
    """One moderation action, for the party's moderation log."""

    __tablename__ = "chat_moderation_log"
    __table_args__ = (Index("ix_chat_moderation_log_party_created", "party_id", "created_at"),)

    party_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"))
    moderator_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    action: Mapped[str] = mapped_column(String(20))
    target_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    target_message_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reason: Mapped[str] = mapped_column(String(500), default="")
    duration: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    moderator = relationship("User", lazy="joined")
