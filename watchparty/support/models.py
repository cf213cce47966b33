"""The help centre's tables: FAQ categories and entries with one vote per person, support
tickets with their message thread, and feedback with one up- or downvote per person."""

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin, TimestampMixin
from watchparty.common.types import UTCDateTime, utcnow
from watchparty.extensions import db

PRIORITIES = ("low", "medium", "high", "urgent")
TICKET_CATEGORIES = ("account", "billing", "technical", "content", "other")
OPEN, PENDING, RESOLVED, CLOSED = "open", "pending", "resolved", "closed"
TICKET_STATUSES = (OPEN, PENDING, RESOLVED, CLOSED)
FEEDBACK_TYPES = ("feature_request", "bug_report", "general")
FEEDBACK_STATUSES = ("open", "planned", "in_progress", "done", "declined")
UPVOTE, DOWNVOTE = "upvote", "downvote"
NAME_MAX, TITLE_MAX, TEXT_MAX = 80, 200, 5000


class FaqCategory(IdMixin, db.Model):
    """A heading of the FAQ (its slug is what `?category=` names)."""

    __tablename__ = "support_faq_categories"

    name: Mapped[str] = mapped_column(String(NAME_MAX), unique=True)
    slug: Mapped[str] = mapped_column(String(NAME_MAX), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Faq(IdMixin, TimestampMixin, db.Model):
    """A question and its answer, with how often it was read and found helpful."""

    __tablename__ = "support_faqs"

    category_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("support_faq_categories.id"), index=True
    )
    question: Mapped[str] = mapped_column(String(TITLE_MAX))
    answer: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    views: Mapped[int] = mapped_column(Integer, default=0)
    helpful: Mapped[int] = mapped_column(Integer, default=0)
    not_helpful: Mapped[int] = mapped_column(Integer, default=0)

    category = relationship("FaqCategory", lazy="joined")


class FaqVote(IdMixin, db.Model):
    """One person's verdict on one FAQ entry (voting again changes it)."""

    __tablename__ = "support_faq_votes"
    __table_args__ = (UniqueConstraint("faq_id", "user_id"),)

    faq_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("support_faqs.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    helpful: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Ticket(IdMixin, TimestampMixin, db.Model):
    """A person's request for help; staff assign it and move it through its statuses."""

    __tablename__ = "support_tickets"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    subject: Mapped[str] = mapped_column(String(TITLE_MAX))
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(20))
    priority: Mapped[str] = mapped_column(String(10), default="medium")
    status: Mapped[str] = mapped_column(String(10), default=OPEN, index=True)

    user = relationship("User", foreign_keys=[user_id], lazy="joined")
    assignee = relationship("User", foreign_keys=[assignee_id], lazy="joined")


class TicketMessage(IdMixin, db.Model):
    """One reply in a ticket's thread, by its owner or by staff."""

    __tablename__ = "support_ticket_messages"

    ticket_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("support_tickets.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    from_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author = relationship("User", lazy="joined")


class Feedback(IdMixin, TimestampMixin, db.Model):
    """A feature request, bug report or remark; the public list ranks it by its votes."""

    __tablename__ = "support_feedback"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    description: Mapped[str] = mapped_column(Text)
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    upvotes: Mapped[int] = mapped_column(Integer, default=0)
    downvotes: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[int] = mapped_column(Integer, default=0, index=True)

    user = relationship("User", lazy="joined")


class FeedbackVote(IdMixin, db.Model):
    """One person's up- or downvote of one piece of feedback (voting again changes it)."""

    __tablename__ = "support_feedback_votes"
    __table_args__ = (UniqueConstraint("feedback_id", "user_id"),)

    feedback_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("support_feedback.id", ondelete="CASCADE")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    vote: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
