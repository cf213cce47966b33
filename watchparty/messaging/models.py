"""Direct messages: conversations of two or more users, their members and their messages."""

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

TEXT, PARTY_INVITE, VIDEO_SHARE = "text", "party_invite", "video_share"
MESSAGE_TYPES = (TEXT, PARTY_INVITE, VIDEO_SHARE)
MAX_MESSAGE_LENGTH = 2000  # chat's ceiling
MAX_PARTICIPANTS = 50  # the creator included


def pair_key(a: uuid.UUID, b: uuid.UUID) -> str:
    """The one key of a two-person conversation, whoever starts it."""
    low, high = sorted((a, b))
    return f"{low}:{high}"


class Conversation(IdMixin, db.Model):
    """A conversation; a two-person one carries its pair's `pair_key`, unique, so two people
    starting it at the same moment meet on the constraint and share one row."""

    __tablename__ = "conversations"

    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    pair_key: Mapped[str | None] = mapped_column(String(73), unique=True)
    created_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    last_message_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("direct_messages.id", ondelete="SET NULL", use_alter=True)
    )
    last_message_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    members = relationship(
        "ConversationMember",
        lazy="selectin",
        order_by="ConversationMember.joined_at",
        viewonly=True,  # rows are added and removed as ConversationMember; the database cascades
    )
    last_message = relationship("DirectMessage", foreign_keys=[last_message_id], lazy="joined")


class ConversationMember(IdMixin, db.Model):
    """A user in a conversation, and up to when they have read it."""

    __tablename__ = "conversation_members"
    __table_args__ = (UniqueConstraint("conversation_id", "user_id"),)

    conversation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    last_read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user = relationship("User", lazy="joined")


class DirectMessage(IdMixin, db.Model):
    """One message; its sender is None once their account is deleted (the text stays)."""

    __tablename__ = "direct_messages"
    # client_id makes a retried send idempotent; NULLs never collide, so it stays optional.
    __table_args__ = (
        UniqueConstraint("conversation_id", "sender_id", "client_id", name="uq_direct_client_id"),
        Index("ix_direct_messages_conversation_created", "conversation_id", "created_at"),
    )

    conversation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    sender_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    message_type: Mapped[str] = mapped_column(String(20), default=TEXT)
    party_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("parties.id", ondelete="SET NULL")
    )
    video_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("videos.id", ondelete="SET NULL"))
    client_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    # Hidden pending review or removed by staff (moderation): left out of every history.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)

    sender = relationship("User", lazy="joined")
    party = relationship("Party")  # loaded only for the messages that link one
    video = relationship("Video")
