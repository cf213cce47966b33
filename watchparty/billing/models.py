"""Plans, customers, subscriptions, invoices and payments: Stripe's state, mirrored locally.

Every amount is an integer in the currency's minor units (cents); no float is ever stored.
"""

import uuid
from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from watchparty.common.models import IdMixin, TimestampMixin
from watchparty.common.types import UTCDateTime
from watchparty.extensions import db

# Stripe subscription statuses that grant the plan.
ENTITLED = ("active", "trialing")
# Payment kinds shown in a user's transactions.
SUBSCRIPTION, TIP, CREATOR_SUBSCRIPTION, REFUND = (
    "subscription",
    "tip",
    "creator_subscription",
    "refund",
)


class Plan(TimestampMixin, db.Model):
    """A platform plan: price, features and limits; synced to a Stripe product and plan."""

    __tablename__ = "billing_plans"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # "free", "premium"
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(String(500), default="")
    amount: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="usd")
    interval: Mapped[str] = mapped_column(String(10), default="month")
    features: Mapped[list] = mapped_column(JSON, default=list)
    # storage_bytes, videos_per_month, parties_per_month, max_participants; absent/None: no limit
    limits: Mapped[dict] = mapped_column(JSON, default=dict)
    is_premium: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    stripe_product_id: Mapped[str | None] = mapped_column(String(100))
    stripe_plan_id: Mapped[str | None] = mapped_column(String(100), unique=True)


class BillingAccount(TimestampMixin, db.Model):
    """A user's Stripe customer, default payment method and billing address."""

    __tablename__ = "billing_accounts"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    stripe_customer_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    default_payment_method_id: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[dict] = mapped_column(JSON, default=dict)


class Subscription(IdMixin, TimestampMixin, db.Model):
    """A user's platform subscription, as Stripe last described it."""

    __tablename__ = "billing_subscriptions"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    plan_id: Mapped[str] = mapped_column(ForeignKey("billing_plans.id"))
    stripe_subscription_id: Mapped[str] = mapped_column(String(100), unique=True)
    status: Mapped[str] = mapped_column(String(30), index=True)
    current_period_start: Mapped[datetime | None] = mapped_column(UTCDateTime)
    current_period_end: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_at_period_end: Mapped[bool] = mapped_column(Boolean, default=False)
    canceled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str | None] = mapped_column(String(100))
    promo_code: Mapped[str | None] = mapped_column(String(50))
    # The `created` of the Stripe event (or fetch) this row reflects: older news never wins.
    stripe_updated: Mapped[int] = mapped_column(BigInteger, default=0)

    plan = relationship("Plan", lazy="joined")


class Invoice(IdMixin, TimestampMixin, db.Model):
    """A Stripe invoice of a user's subscription."""

    __tablename__ = "billing_invoices"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    subscription_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("billing_subscriptions.id", ondelete="SET NULL"), index=True
    )
    stripe_invoice_id: Mapped[str] = mapped_column(String(100), unique=True)
    number: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3), default="usd")
    amount_due: Mapped[int] = mapped_column(Integer, default=0)
    amount_paid: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(500), default="")
    lines: Mapped[list] = mapped_column(JSON, default=list)  # [{description, amount, quantity}]
    period_start: Mapped[datetime | None] = mapped_column(UTCDateTime)
    period_end: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    stripe_updated: Mapped[int] = mapped_column(BigInteger, default=0)


class Payment(IdMixin, TimestampMixin, db.Model):
    """Money that moved for a user: a subscription charge, a tip, a creator subscription or a
    refund (a negative-direction record with its own kind)."""

    __tablename__ = "billing_payments"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30), index=True)
    status: Mapped[str] = mapped_column(String(30))
    amount: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="usd")
    description: Mapped[str] = mapped_column(String(500), default="")
    counterparty_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    invoice_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("billing_invoices.id", ondelete="SET NULL")
    )
    # One Stripe object (payment intent, invoice, refund) is one payment row, whoever records it.
    stripe_object_id: Mapped[str | None] = mapped_column(String(100), unique=True)


class PromoCode(TimestampMixin, db.Model):
    """A promotion code, backed by a Stripe coupon."""

    __tablename__ = "billing_promo_codes"

    code: Mapped[str] = mapped_column(String(50), primary_key=True)  # stored upper-case
    percent_off: Mapped[int | None] = mapped_column(Integer)
    amount_off: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str | None] = mapped_column(String(3))
    duration: Mapped[str] = mapped_column(String(10), default="once")
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    max_redemptions: Mapped[int | None] = mapped_column(Integer)
    times_redeemed: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    stripe_coupon_id: Mapped[str | None] = mapped_column(String(100))
