"""Invite codes, personal invitations and abuse reports of parties."""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin, TimestampMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

INVITE_PENDING, INVITE_ACCEPTED, INVITE_DECLINED = "pending", "accepted", "declined"
INVITE_STATUSES = (INVITE_PENDING, INVITE_ACCEPTED, INVITE_DECLINED)


class PartyInviteCode(IdMixin, db.Model):
    """A shareable, expiring code that admits its holder to a party without approval."""

    __tablename__ = "party_invite_codes"

    party_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(20), unique=True)
    created_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    max_uses: Mapped[int | None] = mapped_column(Integer)
    # Incremented only by a conditional UPDATE, so max_uses holds under concurrency.
    uses: Mapped[int] = mapped_column(Integer, default=0)


class PartyInvitation(IdMixin, TimestampMixin, db.Model):
    """A member's invitation of one user to a party; one row per (party, invitee)."""

    __tablename__ = "party_invitations"
    __table_args__ = (UniqueConstraint("party_id", "invitee_id"),)

    party_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"), index=True
    )
    inviter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    invitee_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default=INVITE_PENDING, index=True)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    party = relationship("Party", lazy="joined")
    inviter = relationship("User", foreign_keys=[inviter_id], lazy="joined")
    invitee = relationship("User", foreign_keys=[invitee_id], lazy="joined")
