"""The creators' product line in billing: creator subscriptions and tips, as Stripe sells them
(registered in billing.product_lines by creators/hooks.py; see billing/product_lines.py)."""

import uuid
from datetime import timedelta

from sqlalchemy import select

from watchparty.billing.models import ENTITLED
from watchparty.billing.stripe_events import kind_of
from watchparty.common.types import utcnow
from watchparty.creators import stripe_sync
from watchparty.creators.models import CreatorSubscription, Tip
from watchparty.extensions import db

# A succeeded tip never changes again; others are asked about for a week (RECONCILE_TIP_DAYS),
# long enough for a delayed payment to settle, short enough that a run stays cheap.
FINAL_TIP_STATUSES = ("succeeded", "refunded")


def owns_subscription(stripe_subscription) -> bool:
    """A creator subscription carries `metadata.kind = "creator"`."""
    return kind_of(stripe_subscription) == "creator"


def knows_subscription(stripe_subscription_id: str) -> bool:
    """Whether a creator subscription row holds that Stripe id."""
    stmt = select(CreatorSubscription.id).filter_by(stripe_subscription_id=stripe_subscription_id)
    return db.session.scalar(stmt) is not None


def upsert_subscription(stripe_subscription, as_of: int | None) -> None:
    """Store Stripe's version of a creator subscription."""
    stripe_sync.upsert_creator_subscription(stripe_subscription, as_of=as_of)


def record_payment_intent(payment_intent, as_of: int | None) -> None:
    """Settle the tip a payment intent pays for (none: nothing happens)."""
    stripe_sync.record_payment_intent(payment_intent, as_of=as_of)


def subscriptions() -> list[tuple[uuid.UUID, str]]:
    """(subscriber, Stripe id) of every creator subscription."""
    rows = db.session.execute(
        select(CreatorSubscription.subscriber_id, CreatorSubscription.stripe_subscription_id)
    )
    return [tuple(row) for row in rows]


def unsettled_payment_intents(days: int) -> list[tuple[uuid.UUID, str]]:
    """(sender, payment intent) of the last `days` days' tips that have not settled."""
    stmt = select(Tip.sender_id, Tip.stripe_payment_intent_id).where(
        Tip.stripe_payment_intent_id.is_not(None),
        Tip.sender_id.is_not(None),
        Tip.status.not_in(FINAL_TIP_STATUSES),
        Tip.created_at >= utcnow() - timedelta(days=days),
    )
    return [tuple(row) for row in db.session.execute(stmt)]


def state_queries(user_id: uuid.UUID) -> tuple:
    """The user's creator subscriptions and tips, as reconciliation compares them."""
    return (
        (
            "creator_subscription",
            select(CreatorSubscription).where(CreatorSubscription.subscriber_id == user_id),
            "stripe_subscription_id",
            ("status", "amount", "current_period_end", "cancel_at_period_end", "ended_at"),
        ),
        (
            "tip",
            select(Tip).where(Tip.sender_id == user_id),
            "stripe_payment_intent_id",
            ("status", "amount"),
        ),
    )


def has_running_subscription(user_id: uuid.UUID) -> bool:
    """Whether a creator subscription of the user will charge again."""
    stmt = select(CreatorSubscription.id).where(
        CreatorSubscription.subscriber_id == user_id, CreatorSubscription.status.in_(ENTITLED)
    )
    return db.session.scalar(stmt) is not None
