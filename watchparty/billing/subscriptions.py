"""Platform subscriptions: subscribe, read with usage, cancel and resume."""

from sqlalchemy import select

from watchparty.billing import customers, limits, plans, stripe_sync, usage
from watchparty.billing.models import Subscription
from watchparty.billing.schemas import next_payment
from watchparty.billing.stripe_api import PaymentFailed, call, client, require_configured
from watchparty.errors import Conflict, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.live.locks import one_at_a_time

# A subscription in these states already bills the user: a second one is a 409.
BILLING = ("active", "trialing", "past_due")
# Shown by GET /subscription/: anything not over yet.
LIVE = (*BILLING, "incomplete", "unpaid")


def current(user_id) -> Subscription | None:
    """The user's subscription that is not over yet (the newest), if any."""
    query = (
        select(Subscription)
        .where(Subscription.user_id == user_id, Subscription.status.in_(LIVE))
        .order_by(Subscription.created_at.desc())
        .limit(1)
    )
    return db.session.scalar(query)


def _abandon_incomplete(user_id) -> None:
    """Cancel earlier attempts still waiting for 3-D Secure, so a retry never bills twice."""
    rows = db.session.scalars(
        select(Subscription).where(
            Subscription.user_id == user_id, Subscription.status == "incomplete"
        )
    ).all()
    for row in rows:
        stripe_id = row.stripe_subscription_id
        cancelled = call(lambda sid=stripe_id: client().subscriptions.cancel(sid))
        stripe_sync.upsert_subscription(cancelled)


def _paid_plan(plan_id: str):
    """The active paid plan `plan_id`, in step with Stripe; 400 for unknown or free plans."""
    plan = plans.get_plan(plan_id)
    if plan is None or not plan.is_active or plan.amount <= 0:
        raise ValidationError(
            "Choose a paid plan.", errors={"plan_id": ["Unknown plan, or a free one."]}
        )
    if not plan.stripe_plan_id:
        plans.sync_plan(plan)
    return plan


def _promo(promo_code: str | None):
    """The redeemable promotion behind `promo_code` (400 when it is not), or None."""
    if not promo_code:
        return None
    from watchparty.billing.promos import redeemable  # billing helper 2's module

    return redeemable(promo_code)


def _params(user, plan, promo) -> dict:
    """The Stripe subscription to create: the plan as its one item, tagged as a platform one."""
    params = {
        "customer": customers.ensure_customer(user),
        "items": [{"plan": plan.stripe_plan_id}],
        "metadata": {"kind": stripe_sync.PLATFORM, "user_id": str(user.id), "plan_id": plan.id},
        "payment_behavior": "allow_incomplete",
        "expand": ["latest_invoice.payment_intent"],
    }
    if promo is not None:
        params["discounts"] = [{"coupon": promo.stripe_coupon_id}]
    return params


def _payment_intent(remote) -> dict:
    """The first invoice's payment intent (expanded) as a dict; {} when there is none."""
    invoice = stripe_sync.as_dict(remote).get("latest_invoice")
    intent = invoice.get("payment_intent") if isinstance(invoice, dict) else None
    return intent if isinstance(intent, dict) else {}


def _record(remote, promo) -> Subscription | None:
    """Store the new subscription (and the promotion it used). Commits."""
    row = stripe_sync.upsert_subscription(remote)
    if row is not None and promo is not None:
        from watchparty.billing.promos import record_redemption

        row.promo_code = promo.code
        db.session.commit()
        record_redemption(promo.code)
    return row


def subscribe(user, plan_id: str, payment_method_id: str, promo_code: str | None = None) -> dict:
    """Subscribe to a paid plan with a card: success, a 3-D Secure challenge, or 402."""
    require_configured()
    # Two requests at once would both pass the 409 check and make two Stripe subscriptions.
    with one_at_a_time(f"subscribe:{user.id}", "A subscription request is already running."):
        return _subscribe(user, plan_id, payment_method_id, promo_code)


def _subscribe(user, plan_id: str, payment_method_id: str, promo_code: str | None) -> dict:
    plan = _paid_plan(plan_id)
    if db.session.scalar(
        select(Subscription.id).where(
            Subscription.user_id == user.id, Subscription.status.in_(BILLING)
        )
    ):
        raise Conflict("You already have a subscription.", code="already_subscribed")
    promo = _promo(promo_code)
    customers.attach_payment_method(user, payment_method_id, make_default=True)
    _abandon_incomplete(user.id)
    params = _params(user, plan, promo)
    remote = call(lambda: client().subscriptions.create(params=params))
    intent = _payment_intent(remote)
    if remote.status == "incomplete" and intent.get("status") == "requires_action":
        row = _record(remote, promo)
        return {
            "success": False,
            "requires_action": True,
            "client_secret": intent.get("client_secret"),
            "payment_intent_id": intent.get("id"),
            "subscription": row,
        }
    if remote.status not in ("active", "trialing"):
        # Declined when charged: end the attempt at Stripe so nothing claims a subscription.
        call(lambda: client().subscriptions.cancel(remote.id))
        error = intent.get("last_payment_error") or {}
        raise PaymentFailed(
            error.get("message") or "Your card was declined.",
            detail=error.get("code") or "card_declined",
        )
    row = _record(remote, promo)
    return {
        "success": True,
        "subscription": row,
        "next_payment": next_payment(row),
    }


def subscription_detail(user) -> dict:
    """The user's subscription (or None), usage against the plan and the next payment."""
    require_configured()
    row = current(user.id)
    account = customers.account_of(user.id)
    upcoming = next_payment(row, account.default_payment_method_id) if row else None
    plan_id, _name, plan_limits = limits.current_plan(user)
    return {
        "subscription": row,
        "usage": usage.usage(user.id, plan_limits) | {"plan": plan_id},
        "next_payment": upcoming,
    }


def _own(user) -> Subscription:
    """The user's current subscription; 404 when there is none."""
    row = current(user.id)
    if row is None:
        raise NotFound("You have no subscription.", code="no_subscription")
    return row


def cancel(user, at_period_end: bool = True, reason: str | None = None) -> dict:
    """Cancel at the end of the paid period (it can be resumed until then) or at once."""
    require_configured()
    row = _own(user)
    stripe_id = row.stripe_subscription_id
    if at_period_end:
        params = {"cancel_at_period_end": True}
        remote = call(lambda: client().subscriptions.update(stripe_id, params=params))
        text = "Your subscription will end at the end of the current period."
    else:
        remote = call(lambda: client().subscriptions.cancel(stripe_id))
        text = "Your subscription has been cancelled."
    row = stripe_sync.upsert_subscription(remote) or row
    row.cancel_reason = reason
    db.session.commit()
    return {"success": True, "message": text, "subscription": row}


def resume(user) -> dict:
    """Undo a cancellation at period end; 409 when nothing is being cancelled."""
    require_configured()
    row = db.session.scalar(
        select(Subscription)
        .where(Subscription.user_id == user.id)
        .order_by(Subscription.created_at.desc())
        .limit(1)
    )
    if row is None:
        raise NotFound("You have no subscription.", code="no_subscription")
    if not row.cancel_at_period_end or row.status not in BILLING:
        raise Conflict("Your subscription is not set to end.", code="not_cancelling")
    params = {"cancel_at_period_end": False}
    stripe_id = row.stripe_subscription_id
    remote = call(lambda: client().subscriptions.update(stripe_id, params=params))
    row = stripe_sync.upsert_subscription(remote) or row
    row.cancel_reason = None
    db.session.commit()
    return {
        "success": True,
        "message": "Your subscription will renew as usual.",
        "subscription": row,
    }
