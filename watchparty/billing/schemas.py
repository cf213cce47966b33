"""Billing schemas: plans, subscriptions and their inputs (money shown as 9.99, stored as 999)."""

import marshmallow as ma

from watchparty.billing.models import Plan, Subscription
from watchparty.billing.money import to_major
from watchparty.common.schemas import UTCDateTimeField
from watchparty.common.types import iso


class PlanSchema(ma.Schema):
    """A platform plan as GET /api/billing/plans/ lists it."""

    id = ma.fields.String(dump_only=True)
    name = ma.fields.String()
    description = ma.fields.String()
    price = ma.fields.Float(metadata={"description": "in the currency's units, e.g. 9.99"})
    amount = ma.fields.Integer(metadata={"description": "in minor units, e.g. 999"})
    currency = ma.fields.String(metadata={"description": "ISO 4217, upper-case"})
    interval = ma.fields.String()
    features = ma.fields.List(ma.fields.String())
    limits = ma.fields.Dict(
        metadata={
            "description": "storage_bytes, videos_per_month, parties_per_month, "
            "max_participants; null: unlimited"
        }
    )
    is_premium = ma.fields.Boolean()


class PlanListSchema(ma.Schema):
    """`{plans: [...]}`."""

    plans = ma.fields.List(ma.fields.Nested(PlanSchema))


class SubscriptionSchema(ma.Schema):
    """A platform subscription."""

    id = ma.fields.UUID(dump_only=True)
    stripe_subscription_id = ma.fields.String()
    plan = ma.fields.String(metadata={"description": "the plan id, e.g. premium"})
    plan_name = ma.fields.String()
    status = ma.fields.String()
    price = ma.fields.Float()
    currency = ma.fields.String()
    interval = ma.fields.String()
    current_period_start = UTCDateTimeField()
    current_period_end = UTCDateTimeField()
    cancel_at_period_end = ma.fields.Boolean()
    canceled_at = UTCDateTimeField(allow_none=True)
    cancel_reason = ma.fields.String(allow_none=True)
    promo_code = ma.fields.String(allow_none=True)


class NextPaymentSchema(ma.Schema):
    """The next charge: amount (9.99), date and the card it goes to."""

    amount = ma.fields.Float()
    currency = ma.fields.String()
    date = ma.fields.String()
    payment_method = ma.fields.String(allow_none=True)


class SubscribeSchema(ma.Schema):
    """POST /api/billing/subscribe/."""

    plan_id = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=40))
    payment_method_id = ma.fields.String(
        required=True, validate=ma.validate.Regexp(r"^pm_[A-Za-z0-9_]{1,200}$")
    )
    promo_code = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=50))


class SubscribeResultSchema(ma.Schema):
    """Subscribed (201), or a 3-D Secure challenge to complete with `client_secret` (200)."""

    success = ma.fields.Boolean()
    requires_action = ma.fields.Boolean()
    client_secret = ma.fields.String()
    payment_intent_id = ma.fields.String()
    subscription = ma.fields.Nested(SubscriptionSchema, allow_none=True)
    next_payment = ma.fields.Nested(NextPaymentSchema, allow_none=True)


class UsageSchema(ma.Schema):
    """This month's usage against the plan's limits (null: unlimited)."""

    plan = ma.fields.String()
    storage_used = ma.fields.String(metadata={"description": "e.g. 1.2 GB"})
    storage_limit = ma.fields.String()
    storage_used_bytes = ma.fields.Integer()
    storage_limit_bytes = ma.fields.Integer(allow_none=True)
    parties_hosted_this_month = ma.fields.Integer()
    videos_uploaded_this_month = ma.fields.Integer()
    videos_per_month = ma.fields.Integer(allow_none=True)
    parties_per_month = ma.fields.Integer(allow_none=True)
    max_participants = ma.fields.Integer(allow_none=True)


class SubscriptionDetailSchema(ma.Schema):
    """GET /api/billing/subscription/ (seed 004)."""

    subscription = ma.fields.Nested(SubscriptionSchema, allow_none=True)
    usage = ma.fields.Nested(UsageSchema)
    next_payment = ma.fields.Nested(NextPaymentSchema, allow_none=True)


class CancelSchema(ma.Schema):
    """POST /api/billing/subscription/cancel/."""

    cancel_at_period_end = ma.fields.Boolean(load_default=True)
    reason = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=100))


class SubscriptionChangeSchema(ma.Schema):
    """The answer of cancel and resume."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    subscription = ma.fields.Nested(SubscriptionSchema)


def dump_plan(plan: Plan) -> dict:
    """A plan as the API shows it."""
    return {
        "id": plan.id,
        "name": plan.name,
        "description": plan.description,
        "price": to_major(plan.amount, plan.currency),
        "amount": plan.amount,
        "currency": plan.currency.upper(),
        "interval": plan.interval,
        "features": list(plan.features or []),
        "limits": dict(plan.limits or {}),
        "is_premium": plan.is_premium,
    }


def dump_subscription(row: Subscription | None) -> dict | None:
    """A subscription as the API shows it (None stays None)."""
    if row is None:
        return None
    plan = row.plan
    return {
        "id": str(row.id),
        "stripe_subscription_id": row.stripe_subscription_id,
        "plan": row.plan_id,
        "plan_name": plan.name,
        "status": row.status,
        "price": to_major(plan.amount, plan.currency),
        "currency": plan.currency.upper(),
        "interval": plan.interval,
        "current_period_start": iso(row.current_period_start),
        "current_period_end": iso(row.current_period_end),
        "cancel_at_period_end": row.cancel_at_period_end,
        "canceled_at": iso(row.canceled_at),
        "cancel_reason": row.cancel_reason,
        "promo_code": row.promo_code,
    }


def next_payment(row: Subscription, payment_method: str | None = None) -> dict | None:
    """The renewal charge, or None when the subscription will not renew."""
    if row.cancel_at_period_end or row.status not in ("active", "trialing", "past_due"):
        return None
    plan = row.plan
    return {
        "amount": to_major(plan.amount, plan.currency),
        "currency": plan.currency.upper(),
        "date": iso(row.current_period_end),
        "payment_method": payment_method,
    }
