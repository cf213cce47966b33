"""Stripe's word on creator subscriptions, tips and their invoices, applied to the local rows.

The one place a Stripe creator subscription becomes or updates a CreatorSubscription, a payment
intent settles a Tip, and a paid invoice becomes a Payment. The subscribe and tip views, the
webhooks and the reconciliation all call these, so the rules live once.

Older news never wins: a row's `updated_at` is set to the time of the Stripe news it reflects
(the event's `created`, or now for a fresh fetch), and news older than that is ignored.
"""

import uuid
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from watchparty.billing.models import CREATOR_SUBSCRIPTION, ENTITLED, TIP, Payment
from watchparty.common.types import utcnow
from watchparty.creators import notices
from watchparty.creators.models import CreatorProfile, CreatorSubscription, Tip
from watchparty.extensions import db

SUCCEEDED, FAILED, PENDING = "succeeded", "failed", "requires_action"
INCOMPLETE = "incomplete"  # a subscription before its first payment


def plain(obj) -> dict:
    """A Stripe object (or an event's already-parsed JSON) as a plain dict."""
    return obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)


def _time(epoch) -> datetime | None:
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else None


def _moment(as_of: int | None) -> datetime:
    """The knowledge time of news: the event's creation, or now for a fresh fetch."""
    return _time(as_of) if as_of else utcnow()


def _is_older(row, as_of: int | None) -> bool:
    return bool(as_of) and row.updated_at is not None and as_of < int(row.updated_at.timestamp())


def _uuid(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _plan(stripe_subscription) -> dict:
    """The subscription's (first and only) plan."""
    items = stripe_subscription.get("items") or {}
    data = items.get("data") or []
    return (data[0].get("plan") if data else None) or stripe_subscription.get("plan") or {}


def _period_end(stripe_subscription):
    """current_period_end moved onto the items in newer API versions; read either."""
    end = stripe_subscription.get("current_period_end")
    if end is None:
        data = (stripe_subscription.get("items") or {}).get("data") or []
        end = data[0].get("current_period_end") if data else None
    return _time(end)


def adjust_count(creator_id: uuid.UUID, delta: int) -> None:
    """Move subscriber_count by one in SQL, never below zero (no read-modify-write)."""
    stmt = update(CreatorProfile).where(CreatorProfile.user_id == creator_id)
    if delta < 0:
        stmt = stmt.where(CreatorProfile.subscriber_count > 0)
    db.session.execute(stmt.values(subscriber_count=CreatorProfile.subscriber_count + delta))


def _insert(stripe_subscription, moment: datetime) -> CreatorSubscription | None:
    """A new row from the subscription's metadata; None when the metadata is not ours."""
    meta = stripe_subscription.get("metadata") or {}
    subscriber, creator = _uuid(meta.get("subscriber_id")), _uuid(meta.get("creator_id"))
    if subscriber is None or db.session.get(CreatorProfile, creator) is None:
        return None
    plan = _plan(stripe_subscription)
    row = CreatorSubscription(
        subscriber_id=subscriber,
        creator_id=creator,
        tier_id=_uuid(meta.get("tier_id")),
        stripe_subscription_id=stripe_subscription["id"],
        stripe_plan_id=plan.get("id") or "",
        amount=int(plan.get("amount") or 0),
        currency=plan.get("currency") or "usd",
        status=stripe_subscription["status"],
        current_period_end=_period_end(stripe_subscription),
        cancel_at_period_end=bool(stripe_subscription.get("cancel_at_period_end")),
        ended_at=_time(stripe_subscription.get("ended_at")),
        updated_at=moment,
    )
    db.session.add(row)
    db.session.flush()
    if row.status in ENTITLED:
        adjust_count(creator, +1)
    return row


def _apply(row: CreatorSubscription, stripe_subscription, moment: datetime) -> bool:
    """Move an existing row to Stripe's state; the count follows only the winning transition.
    Whether this was the subscription's first entitled state (out of `incomplete`, the only
    state before the first payment, never entered again)."""
    new = stripe_subscription["status"]
    first = False
    if new != row.status:
        old = row.status
        moved = db.session.execute(
            update(CreatorSubscription)
            .where(CreatorSubscription.id == row.id, CreatorSubscription.status == old)
            .values(status=new, updated_at=moment)
        ).rowcount
        if moved and (old in ENTITLED) != (new in ENTITLED):
            adjust_count(row.creator_id, +1 if new in ENTITLED else -1)
        first = bool(moved) and old == INCOMPLETE and new in ENTITLED
        db.session.refresh(row)
    row.current_period_end = _period_end(stripe_subscription) or row.current_period_end
    row.cancel_at_period_end = bool(stripe_subscription.get("cancel_at_period_end"))
    row.ended_at = _time(stripe_subscription.get("ended_at")) or row.ended_at
    row.updated_at = moment
    return first


def upsert_creator_subscription(
    stripe_subscription, as_of: int | None = None
) -> CreatorSubscription | None:
    """Create or update the local row of a Stripe creator subscription (metadata kind
    "creator"); keeps subscriber_count exact; ignores news older than the row. Commits.
    Returns None when the subscription is not a creator subscription of ours."""
    stripe_subscription = plain(stripe_subscription)
    if (stripe_subscription.get("metadata") or {}).get("kind") != "creator":
        return None
    moment = _moment(as_of)
    sid = stripe_subscription["id"]
    lookup = select(CreatorSubscription).where(CreatorSubscription.stripe_subscription_id == sid)
    row = db.session.scalar(lookup)
    if row is None:
        try:
            new = _insert(stripe_subscription, moment)
            db.session.commit()
        except IntegrityError:  # recorded concurrently (view and webhook): update theirs
            db.session.rollback()
            row = db.session.scalar(lookup)
            if row is None:
                raise
        else:
            if new is not None and new.status in ENTITLED:  # active from its first payment
                notices.new_subscriber(new)
            return new
    if _is_older(row, as_of):
        return row
    first = _apply(row, stripe_subscription, moment)
    db.session.commit()
    if first:
        notices.new_subscriber(row)
    return row


def record_payment(
    user_id, kind: str, amount: int, currency: str, description: str, counterparty_id, object_id
) -> Payment | None:
    """Record money that moved, once per Stripe object (the unique id wins races). Commits."""
    existing = db.session.scalar(select(Payment).where(Payment.stripe_object_id == object_id))
    if existing is not None:
        return existing
    payment = Payment(
        user_id=user_id,
        kind=kind,
        status=SUCCEEDED,
        amount=amount,
        currency=currency,
        description=description[:500],
        counterparty_id=counterparty_id,
        stripe_object_id=object_id,
    )
    try:
        with db.session.begin_nested():
            db.session.add(payment)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return db.session.scalar(select(Payment).where(Payment.stripe_object_id == object_id))
    return payment


def record_creator_invoice(invoice) -> Payment | None:
    """A paid invoice of a creator subscription as the subscriber's Payment (once). None when
    the invoice is unpaid or not of a known creator subscription. Commits."""
    invoice = plain(invoice)
    sid = invoice.get("subscription")
    if isinstance(sid, dict):
        sid = sid.get("id")
    if invoice.get("status") != "paid" or not sid:
        return None
    row = db.session.scalar(
        select(CreatorSubscription).where(CreatorSubscription.stripe_subscription_id == sid)
    )
    if row is None:
        return None
    name = row.creator.user.full_name
    return record_payment(
        row.subscriber_id,
        CREATOR_SUBSCRIPTION,
        int(invoice.get("amount_paid") or 0),
        invoice.get("currency") or row.currency,
        f"Subscription to {name}",
        row.creator_id,
        invoice["id"],
    )


def record_payment_intent(payment_intent, as_of: int | None = None) -> Tip | None:
    """Settle the Tip of a payment intent: succeeded (Payment recorded once, chat announced)
    or failed; a succeeded tip never goes back. None when no tip has this intent. Commits."""
    payment_intent = plain(payment_intent)
    tip = db.session.scalar(select(Tip).where(Tip.stripe_payment_intent_id == payment_intent["id"]))
    if tip is None:
        return None
    status = payment_intent.get("status")
    new = {
        "succeeded": SUCCEEDED,
        "requires_payment_method": FAILED,
        "canceled": FAILED,
    }.get(status)
    if new is None or tip.status == new or _is_older(tip, as_of):
        return tip
    moved = db.session.execute(
        update(Tip)
        .where(Tip.id == tip.id, Tip.status != SUCCEEDED)
        .values(status=new, updated_at=_moment(as_of))
    ).rowcount
    db.session.commit()
    db.session.refresh(tip)
    if moved and new == SUCCEEDED:
        settle_succeeded(tip)
    return tip


def settle_succeeded(tip: Tip) -> None:
    """What follows a succeeded tip: the creator's notification, the sender's Payment and the
    party chat event."""
    from watchparty.creators import tips

    notices.tip_received(tip)
    profile = db.session.get(CreatorProfile, tip.creator_id)
    if tip.sender_id is None:  # the sender's account is gone: nobody to show the payment to
        return
    record_payment(
        tip.sender_id,
        TIP,
        tip.amount,
        tip.currency,
        f"Tip to {profile.user.full_name}",
        tip.creator_id,
        tip.stripe_payment_intent_id,
    )
    tips.announce(tip)
