"""Groups, their members (one row per person, with a role), invitations to invite-only groups,
and the parties hosted for a group (groups owns the link: parties know nothing of groups)."""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin, TimestampMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

PUBLIC, INVITE_ONLY = "public", "invite_only"
VISIBILITIES = (PUBLIC, INVITE_ONLY)
OWNER, ADMIN, MEMBER = "owner", "admin", "member"
ROLES = (OWNER, ADMIN, MEMBER)
NAME_MAX, DESCRIPTION_MAX = 80, 1000


class Group(IdMixin, TimestampMixin, db.Model):
    """A named group; its owner also holds the one member row whose role is `owner`."""

    __tablename__ = "social_groups"

    name: Mapped[str] = mapped_column(String(NAME_MAX))
    description: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[str] = mapped_column(String(12), default=PUBLIC, index=True)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)

    owner = relationship("User", foreign_keys=[owner_id], lazy="joined")

    @property
    def is_public(self) -> bool:
        """Whether anyone may find and join the group."""
        return self.visibility == PUBLIC


class GroupMember(IdMixin, db.Model):
    """One person in one group, with a role; the unique pair makes two joins at once one row."""

    __tablename__ = "group_members"
    __table_args__ = (UniqueConstraint("group_id", "user_id"),)

    group_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("social_groups.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(10), default=MEMBER)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User", lazy="joined")


class GroupInvitation(IdMixin, db.Model):
    """An owner's or admin's invitation of one user to an invite-only group (used up on join)."""

    __tablename__ = "group_invitations"
    __table_args__ = (UniqueConstraint("group_id", "invitee_id"),)

    group_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("social_groups.id", ondelete="CASCADE"), index=True
    )
    invitee_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    inviter_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    group = relationship("Group", lazy="joined")
    inviter = relationship("User", foreign_keys=[inviter_id], lazy="joined")


class GroupParty(IdMixin, db.Model):
    """A party hosted for a group: its members see it in the lobby and are invited to it."""

    __tablename__ = "group_parties"

    group_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("social_groups.id", ondelete="CASCADE"), index=True
    )
    party_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"), unique=True
    )
    added_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    party = relationship("Party", lazy="joined")
    group = relationship("Group", lazy="joined")
