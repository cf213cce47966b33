"""Creator representations: profiles, tiers, subscriptions, tips and transactions (seed 000)."""

import marshmallow as ma

from watchparty.billing.money import MoneyField
from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.users.schemas import UserBriefSchema

_validate = ma.validate
_Money = ma.fields.Raw  # input: 9.99 or "9.99"; parsed exactly by money.to_minor in the service


class CreatorCreateSchema(ma.Schema):
    """Become a creator: a bio and an optional monthly price (9.99)."""

    bio = ma.fields.String(load_default="", validate=_validate.Length(max=2000))
    subscription_price = _Money(load_default=None, allow_none=True)


class CreatorUpdateSchema(ma.Schema):
    """Edit the creator's own profile."""

    bio = ma.fields.String(required=True, validate=_validate.Length(max=2000))


class CreatorPriceSchema(ma.Schema):
    """A new monthly subscription price (9.99)."""

    price = _Money(required=True)


class CreatorPriceResultSchema(ma.Schema):
    message = ma.fields.String()
    new_price = ma.fields.Float()
    stripe_price_id = ma.fields.String()


class CreatorTierSchema(ma.Schema):
    """A tier as shown: price 9.99 with its currency."""

    id = ma.fields.UUID(dump_only=True)
    name = ma.fields.String()
    description = ma.fields.String()
    price = MoneyField(dump_only=True)
    currency = ma.fields.String(dump_only=True)
    benefits = ma.fields.List(ma.fields.String())
    stripe_price_id = ma.fields.String(attribute="stripe_plan_id", dump_only=True)
    created_at = UTCDateTimeField(dump_only=True)


class CreatorTierCreateSchema(ma.Schema):
    """A new tier: name, description, price (9.99), benefits."""

    name = ma.fields.String(required=True, validate=_validate.Length(min=1, max=100))
    description = ma.fields.String(load_default="", validate=_validate.Length(max=2000))
    price = _Money(required=True)
    benefits = ma.fields.List(
        ma.fields.String(validate=_validate.Length(max=200)),
        load_default=list,
        validate=_validate.Length(max=50),
    )


class CreatorTierUpdateSchema(ma.Schema):
    """Any of a tier's fields; absent ones stay."""

    name = ma.fields.String(validate=_validate.Length(min=1, max=100))
    description = ma.fields.String(validate=_validate.Length(max=2000))
    price = _Money()
    benefits = ma.fields.List(
        ma.fields.String(validate=_validate.Length(max=200)), validate=_validate.Length(max=50)
    )


class CreatorSchema(ma.Schema):
    """A creator's public profile (seed 000's creator account plus the user brief)."""

    user = ma.fields.Nested(UserBriefSchema, dump_only=True)
    user_id = ma.fields.UUID(dump_only=True)
    bio = ma.fields.String(dump_only=True)
    is_verified = ma.fields.Boolean(dump_only=True)
    subscriber_count = ma.fields.Integer(dump_only=True)
    subscription_price = MoneyField(dump_only=True, allow_none=True)
    currency = ma.fields.String(dump_only=True)
    subscription_price_id = ma.fields.String(
        attribute="stripe_plan_id", dump_only=True, allow_none=True
    )
    created_at = UTCDateTimeField(dump_only=True)


class CreatorStatsSummarySchema(ma.Schema):
    """The creator's own totals on GET /me/."""

    total_views = ma.fields.Integer()
    total_likes = ma.fields.Integer()
    subscribers = ma.fields.Integer()
    tips_received = ma.fields.Integer()
    tips_total = ma.fields.Float()
    currency = ma.fields.String()


class CreatorRevenueSchema(ma.Schema):
    tips = ma.fields.Float()
    subscriptions = ma.fields.Float()
    total = ma.fields.Float()
    currency = ma.fields.String()


class CreatorStatsSchema(ma.Schema):
    """The creator's dashboard: totals and this month's revenue by source."""

    total_views = ma.fields.Integer()
    total_likes = ma.fields.Integer()
    subscribers = ma.fields.Integer()
    new_subscriptions_this_month = ma.fields.Integer()
    revenue_this_month = ma.fields.Nested(CreatorRevenueSchema)
    period_start = UTCDateTimeField()


class CreatorDetailSchema(CreatorSchema):
    """A profile with its active tiers; `message`, `stats` and `weighted_score` where set."""

    message = ma.fields.String(dump_only=True)
    tiers = ma.fields.Method("active_tiers", dump_only=True)
    weighted_score = ma.fields.Integer(dump_only=True)
    stats = ma.fields.Nested(CreatorStatsSummarySchema, dump_only=True)

    def active_tiers(self, profile):
        from watchparty.creators.pricing import list_tiers

        return CreatorTierSchema(many=True).dump(list_tiers(profile.user_id))


CreatorPageSchema = page_of(CreatorDetailSchema, "CreatorPage")


class CreatorQuerySchema(PageQuerySchema):
    """Paging and `search` over name, display name and bio."""

    search = ma.fields.String(load_default=None, validate=_validate.Length(max=100))


class CreatorSubscribeSchema(ma.Schema):
    """Subscribe with a card (or the saved default) to the creator's price or one tier."""

    payment_method_id = ma.fields.String(load_default=None, validate=_validate.Length(max=100))
    tier_id = ma.fields.UUID(load_default=None, allow_none=True)


class CreatorSubscribeResultSchema(ma.Schema):
    message = ma.fields.String()
    type = ma.fields.String(metadata={"description": "`payment` when 3-D Secure is needed"})
    subscription_id = ma.fields.String()
    status = ma.fields.String()
    current_period_end = ma.fields.String(allow_none=True)
    requires_action = ma.fields.Boolean()
    client_secret = ma.fields.String()


class CreatorUnsubscribeResultSchema(ma.Schema):
    message = ma.fields.String()
    end_date = ma.fields.String(allow_none=True)


class CreatorSubscriptionStatusSchema(ma.Schema):
    is_subscribed = ma.fields.Boolean()
    creator_id = ma.fields.UUID()
    creator_name = ma.fields.String()
    status = ma.fields.String(allow_none=True)
    current_period_end = ma.fields.String(allow_none=True)
    cancel_at_period_end = ma.fields.Boolean()


class CreatorSubscriberSchema(ma.Schema):
    """One subscriber of a creator, at the price they pay."""

    user = ma.fields.Nested(UserBriefSchema, attribute="subscriber", dump_only=True)
    status = ma.fields.String(dump_only=True)
    amount = MoneyField(dump_only=True)
    currency = ma.fields.String(dump_only=True)
    tier_id = ma.fields.UUID(dump_only=True, allow_none=True)
    current_period_end = UTCDateTimeField(dump_only=True, allow_none=True)
    cancel_at_period_end = ma.fields.Boolean(dump_only=True)
    created_at = UTCDateTimeField(dump_only=True)


SubscriberPageSchema = page_of(CreatorSubscriberSchema, "CreatorSubscriberPage")


class TipCreateSchema(ma.Schema):
    """A tip: creator, amount (9.99 or "5.00"), message (alias comment_text), party, card."""

    creator_id = ma.fields.UUID(required=True)
    amount = _Money(required=True)
    message = ma.fields.String(validate=_validate.Length(max=500))
    comment_text = ma.fields.String(validate=_validate.Length(max=500))
    party_id = ma.fields.UUID(load_default=None, allow_none=True)
    payment_method_id = ma.fields.String(load_default=None, validate=_validate.Length(max=100))

    @ma.post_load
    def one_message(self, data, **kwargs):
        """Keep `message` only (seed 000 sends `comment_text`)."""
        alias = data.pop("comment_text", None)
        data["message"] = (data.get("message") or alias or "").strip()
        return data


class TipSchema(ma.Schema):
    """A tip as shown to its sender and its creator."""

    id = ma.fields.UUID(dump_only=True)
    amount = MoneyField(dump_only=True)
    currency = ma.fields.String(dump_only=True)
    message = ma.fields.String(dump_only=True)
    status = ma.fields.String(dump_only=True)
    user = ma.fields.Nested(UserBriefSchema, attribute="sender", dump_only=True, allow_none=True)
    creator = ma.fields.Method("creator_brief", dump_only=True)
    party_id = ma.fields.UUID(dump_only=True, allow_none=True)
    created_at = UTCDateTimeField(dump_only=True)

    def creator_brief(self, tip):
        from watchparty.creators.models import CreatorProfile
        from watchparty.extensions import db

        profile = db.session.get(CreatorProfile, tip.creator_id)
        return UserBriefSchema().dump(profile.user) if profile else None


TipPageSchema = page_of(TipSchema, "TipPage")


class TipResultSchema(ma.Schema):
    status = ma.fields.String()
    tip = ma.fields.Nested(TipSchema)
    requires_action = ma.fields.Boolean()
    client_secret = ma.fields.String()


class PaymentTransactionSchema(ma.Schema):
    """A Payment as the caller's transaction."""

    id = ma.fields.UUID(dump_only=True)
    kind = ma.fields.String(dump_only=True)
    status = ma.fields.String(dump_only=True)
    amount = MoneyField(dump_only=True)
    currency = ma.fields.String(dump_only=True)
    description = ma.fields.String(dump_only=True)
    counterparty = ma.fields.Nested(UserBriefSchema, dump_only=True, allow_none=True)
    created_at = UTCDateTimeField(dump_only=True)


TransactionPageSchema = page_of(PaymentTransactionSchema, "PaymentTransactionPage")


class PaymentTransactionQuerySchema(PageQuerySchema):
    """Paging and an optional `kind`."""

    kind = ma.fields.String(
        load_default=None,
        validate=_validate.OneOf(["subscription", "tip", "creator_subscription", "refund"]),
    )
