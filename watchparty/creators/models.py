"""A creator's profile and tiers, subscriptions to creators, and tips. Amounts in minor units."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin, TimestampMixin
from watchparty.common.types import UTCDateTime
from watchparty.extensions import db


class CreatorProfile(TimestampMixin, db.Model):
    """A user who takes subscriptions and tips."""

    __tablename__ = "creator_profiles"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    bio: Mapped[str] = mapped_column(Text, default="")
    is_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    subscriber_count: Mapped[int] = mapped_column(Integer, default=0)
    subscription_price: Mapped[int | None] = mapped_column(Integer)  # None: no subscriptions
    currency: Mapped[str] = mapped_column(String(3), default="usd")
    stripe_product_id: Mapped[str | None] = mapped_column(String(100))
    stripe_plan_id: Mapped[str | None] = mapped_column(String(100))  # the current price's plan

    user = relationship("User", lazy="joined")


class CreatorTier(IdMixin, TimestampMixin, db.Model):
    """A named subscription level of a creator (seed 002's content tiers)."""

    __tablename__ = "creator_tiers"

    creator_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("creator_profiles.user_id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    price: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="usd")
    benefits: Mapped[list] = mapped_column(JSON, default=list)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    stripe_plan_id: Mapped[str | None] = mapped_column(String(100))


class CreatorSubscription(IdMixin, TimestampMixin, db.Model):
    """A subscriber's Stripe subscription to a creator, at the price they subscribed at."""

    __tablename__ = "creator_subscriptions"
    __table_args__ = (UniqueConstraint("stripe_subscription_id"),)

    subscriber_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    creator_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("creator_profiles.user_id", ondelete="CASCADE"), index=True
    )
    tier_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("creator_tiers.id", ondelete="SET NULL")
    )
    stripe_subscription_id: Mapped[str] = mapped_column(String(100))
    stripe_plan_id: Mapped[str] = mapped_column(String(100))
    amount: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="usd")
    status: Mapped[str] = mapped_column(String(30), index=True)
    current_period_end: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_at_period_end: Mapped[bool] = mapped_column(Boolean, default=False)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    creator = relationship("CreatorProfile", lazy="joined")
    subscriber = relationship("User", foreign_keys=[subscriber_id], lazy="joined")


class Tip(IdMixin, TimestampMixin, db.Model):
    """A one-time payment with a message to a creator, maybe sent during a party."""

    __tablename__ = "creator_tips"

    sender_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    creator_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("creator_profiles.user_id", ondelete="CASCADE"), index=True
    )
    party_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("parties.id", ondelete="SET NULL"), index=True
    )
    amount: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="usd")
    message: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(30))
    stripe_payment_intent_id: Mapped[str | None] = mapped_column(String(100), unique=True)

    sender = relationship("User", foreign_keys=[sender_id], lazy="joined")
