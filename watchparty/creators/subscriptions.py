"""Subscribing to a creator through Stripe, cancelling, status and the two lists."""

import uuid

from sqlalchemy import select

from watchparty.billing import customers
from watchparty.billing.models import ENTITLED
from watchparty.billing.stripe_api import PaymentFailed, call, client, require_configured
from watchparty.common.pagination import paginate
from watchparty.common.types import iso
from watchparty.creators import pricing, profiles, stripe_sync
from watchparty.creators.models import CreatorProfile, CreatorSubscription
from watchparty.errors import Conflict, ValidationError
from watchparty.extensions import db
from watchparty.live.locks import one_at_a_time

# Still paying (or retrying a renewal): subscribing again would charge twice.
HELD = (*ENTITLED, "past_due")


def current(subscriber_id: uuid.UUID, creator_id: uuid.UUID, statuses=HELD):
    """The subscriber's newest subscription to the creator in one of `statuses`, or None."""
    return db.session.scalar(
        select(CreatorSubscription)
        .where(
            CreatorSubscription.subscriber_id == subscriber_id,
            CreatorSubscription.creator_id == creator_id,
            CreatorSubscription.status.in_(statuses),
        )
        .order_by(CreatorSubscription.created_at.desc())
        .limit(1)
    )


def _plan_of(profile: CreatorProfile, tier_id) -> tuple[str, uuid.UUID | None]:
    """The Stripe plan to subscribe to: the tier's, or the creator's current price."""
    if tier_id is not None:
        return pricing.get_tier(profile.user_id, tier_id).stripe_plan_id, tier_id
    if not profile.stripe_plan_id or not profile.subscription_price:
        raise ValidationError(
            "This creator has no subscription price.", code="no_subscription_price"
        )
    return profile.stripe_plan_id, None


def _card(user, payment_method_id: str | None) -> None:
    """Make sure the customer has a default card: the one given, or 400."""
    if payment_method_id:
        # localstripe ignores a subscription's own default_payment_method: the customer's
        # invoice default is what pays, so the given card becomes it.
        customers.attach_payment_method(user, payment_method_id, make_default=True)
        return
    if not customers.account_of(user.id).default_payment_method_id:
        raise ValidationError(
            "Add a payment method first.",
            code="payment_method_required",
            errors={"payment_method_id": ["Required: there is no saved card."]},
        )


def subscribe(user, creator_id: uuid.UUID, body: dict) -> tuple[dict, int]:
    """Subscribe the caller to a creator (or one tier) on Stripe: 201 active, 202 when the
    card needs 3-D Secure, 402 declined (nothing kept). Returns (body, status)."""
    require_configured()
    # Two requests at once would both pass the 409 check and make two Stripe subscriptions.
    lock = f"creator-subscribe:{user.id}:{creator_id}"
    with one_at_a_time(lock, "A subscription request is already running."):
        return _subscribe(user, creator_id, body)


def _subscribe(user, creator_id: uuid.UUID, body: dict) -> tuple[dict, int]:
    profile = profiles.get_profile(creator_id)
    if profile.user_id == user.id:
        raise ValidationError("You cannot subscribe to yourself.", code="self_subscription")
    plan_id, tier_id = _plan_of(profile, body.get("tier_id"))
    if current(user.id, profile.user_id) is not None:
        raise Conflict("You are already subscribed to this creator.", code="already_subscribed")
    _card(user, body.get("payment_method_id"))
    metadata = {
        "kind": "creator",
        "subscriber_id": str(user.id),
        "creator_id": str(profile.user_id),
        "tier_id": str(tier_id) if tier_id else "",
    }
    params = {
        "customer": customers.ensure_customer(user),
        "items": [{"plan": plan_id}],
        "metadata": metadata,
        "expand": ["latest_invoice.payment_intent"],
    }
    stripe_sub = stripe_sync.plain(call(lambda: client().subscriptions.create(params=params)))
    invoice = stripe_sub.get("latest_invoice") or {}
    intent = invoice.get("payment_intent") if isinstance(invoice, dict) else None
    if stripe_sub["status"] == "incomplete":
        if intent and intent.get("status") == "requires_action":
            stripe_sync.upsert_creator_subscription(stripe_sub)
            return {
                "message": "requires_action",
                "type": "payment",
                "requires_action": True,
                "client_secret": intent["client_secret"],
                "subscription_id": stripe_sub["id"],
                "status": stripe_sub["status"],
            }, 202
        # Declined: cancel at Stripe so nothing is left half-made, and keep no row.
        call(lambda: client().subscriptions.cancel(stripe_sub["id"]))
        raise PaymentFailed("Your card was declined.", detail="card_declined")
    row = stripe_sync.upsert_creator_subscription(stripe_sub)
    if isinstance(invoice, dict) and invoice.get("id"):
        stripe_sync.record_creator_invoice(invoice)
    return {
        "message": "success",
        "subscription_id": stripe_sub["id"],
        "status": row.status,
        "current_period_end": iso(row.current_period_end),
    }, 201


def unsubscribe(user, creator_id: uuid.UUID) -> dict:
    """Cancel at the end of the paid period (400 when not subscribed); access lasts until then."""
    require_configured()
    profile = profiles.get_profile(creator_id)
    row = current(user.id, profile.user_id)
    if row is None:
        raise ValidationError("You are not subscribed to this creator.", code="not_subscribed")
    if not row.cancel_at_period_end:
        params = {"cancel_at_period_end": True}
        sid = row.stripe_subscription_id
        stripe_sub = call(lambda: client().subscriptions.update(sid, params=params))
        row = stripe_sync.upsert_creator_subscription(stripe_sub) or row
    return {
        "message": f"Successfully unsubscribed from {profile.user.full_name}",
        "end_date": iso(row.current_period_end),
    }


def status(user, creator_id: uuid.UUID) -> dict:
    """Whether the caller is subscribed to the creator, and until when."""
    profile = profiles.get_profile(creator_id)
    row = current(user.id, profile.user_id, statuses=HELD + ("incomplete",))
    return {
        "is_subscribed": bool(row and row.status in ENTITLED),
        "creator_id": str(profile.user_id),
        "creator_name": profile.user.full_name,
        "status": row.status if row else None,
        "current_period_end": iso(row.current_period_end) if row else None,
        "cancel_at_period_end": bool(row and row.cancel_at_period_end),
    }


def subscribed(user, page: int, page_size: int) -> dict:
    """The creators the caller is subscribed to, newest subscription first."""
    stmt = (
        select(CreatorProfile)
        .join(CreatorSubscription, CreatorSubscription.creator_id == CreatorProfile.user_id)
        .where(
            CreatorSubscription.subscriber_id == user.id,
            CreatorSubscription.status.in_(ENTITLED),
        )
        .order_by(CreatorSubscription.created_at.desc())
    )
    return paginate(stmt, page, page_size)


def subscribers(user, page: int, page_size: int) -> dict:
    """The caller's (a creator's) current subscribers, newest first."""
    profile = profiles.require_profile(user.id)
    stmt = (
        select(CreatorSubscription)
        .where(
            CreatorSubscription.creator_id == profile.user_id,
            CreatorSubscription.status.in_(ENTITLED),
        )
        .order_by(CreatorSubscription.created_at.desc())
    )
    return paginate(stmt, page, page_size)
