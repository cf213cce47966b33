"""Billing schemas: plans, subscriptions and their inputs (money shown as 9.99, stored as 999)."""

import marshmallow as ma

from watchparty.billing.models import Subscription
from watchparty.billing.money import to_major
from watchparty.common.schemas import UTCDateTimeField
from watchparty.common.types import iso


def _upper_currency(obj) -> str:
    return obj.currency.upper()


class PlanSchema(ma.Schema):
    """A platform plan as GET /api/billing/plans/ lists it."""

    id = ma.fields.String(dump_only=True)
    name = ma.fields.String()
    description = ma.fields.String()
    price = ma.fields.Function(
        lambda plan: to_major(plan.amount, plan.currency),
        metadata={"type": "number", "description": "in the currency's units, e.g. 9.99"},
    )
    amount = ma.fields.Integer(metadata={"description": "in minor units, e.g. 999"})
    currency = ma.fields.Function(
        _upper_currency, metadata={"type": "string", "description": "ISO 4217, upper-case"}
    )
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
    """A platform subscription (price, currency and interval are its plan's)."""

    id = ma.fields.UUID(dump_only=True)
    stripe_subscription_id = ma.fields.String()
    plan = ma.fields.String(
        attribute="plan_id", metadata={"description": "the plan id, e.g. premium"}
    )
    plan_name = ma.fields.String(attribute="plan.name")
    status = ma.fields.String()
    price = ma.fields.Function(
        lambda row: to_major(row.plan.amount, row.plan.currency), metadata={"type": "number"}
    )
    currency = ma.fields.Function(
        lambda row: row.plan.currency.upper(), metadata={"type": "string"}
    )
    interval = ma.fields.String(attribute="plan.interval")
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
