"""A creator's Stripe product and plans: the monthly price and the tiers.

Stripe prices are immutable, so every price change is a NEW Stripe plan; subscribers keep the
plan they subscribed to (their CreatorSubscription keeps its stripe_plan_id and amount) until
they resubscribe. localstripe emulates plans, not prices, so plans it is.
"""

import uuid

from sqlalchemy import select

from watchparty.billing.money import to_major, to_minor
from watchparty.billing.stripe_api import call, client, require_configured
from watchparty.creators.models import CreatorProfile, CreatorTier
from watchparty.creators.profiles import require_profile
from watchparty.errors import NotFound, ValidationError
from watchparty.extensions import db

MAX_PRICE = 100_000_00  # 100,000.00: anything above is a typo


def parse_price(value, currency: str, field: str = "price") -> int:
    """A positive price in minor units, exactly (400 otherwise)."""
    amount = to_minor(value, currency, field)
    if amount <= 0 or amount > MAX_PRICE:
        raise ValidationError("Invalid price.", errors={field: ["Must be above 0 and sane."]})
    return amount


def ensure_product(profile: CreatorProfile) -> str:
    """The creator's Stripe product, created once. Commits."""
    if profile.stripe_product_id:
        return profile.stripe_product_id
    params = {
        "name": f"{profile.user.full_name} (creator)",
        "metadata": {"kind": "creator", "creator_id": str(profile.user_id)},
    }
    product = call(lambda: client().products.create(params=params))
    profile.stripe_product_id = product.id
    db.session.commit()
    return product.id


def new_plan(profile: CreatorProfile, amount: int, tier_id=None) -> str:
    """A new monthly Stripe plan on the creator's product."""
    product = ensure_product(profile)
    metadata = {"kind": "creator", "creator_id": str(profile.user_id)}
    if tier_id:
        metadata["tier_id"] = str(tier_id)
    params = {
        "amount": amount,
        "currency": profile.currency,
        "interval": "month",
        "product": product,
        "metadata": metadata,
    }
    return call(lambda: client().plans.create(params=params)).id


def set_price(user_id: uuid.UUID, value) -> dict:
    """Set the creator's monthly price: a new Stripe plan; current subscribers keep theirs."""
    require_configured()
    profile = require_profile(user_id)
    amount = parse_price(value, profile.currency)
    plan_id = new_plan(profile, amount)
    profile.subscription_price, profile.stripe_plan_id = amount, plan_id
    db.session.commit()
    return {
        "message": "Subscription price updated successfully",
        "new_price": to_major(amount, profile.currency),
        "stripe_price_id": plan_id,
    }


def list_tiers(creator_id: uuid.UUID) -> list[CreatorTier]:
    """The creator's active tiers, cheapest first."""
    return db.session.scalars(
        select(CreatorTier)
        .where(CreatorTier.creator_id == creator_id, CreatorTier.is_active.is_(True))
        .order_by(CreatorTier.price, CreatorTier.created_at)
    ).all()


def get_tier(creator_id: uuid.UUID, tier_id: uuid.UUID) -> CreatorTier:
    """An active tier of this creator, or 404."""
    tier = db.session.get(CreatorTier, tier_id)
    if tier is None or tier.creator_id != creator_id or not tier.is_active:
        raise NotFound("Tier not found.", code="tier_not_found")
    return tier


def create_tier(user_id: uuid.UUID, body: dict) -> CreatorTier:
    """Add a tier with its own Stripe plan. Commits."""
    require_configured()
    profile = require_profile(user_id)
    amount = parse_price(body["price"], profile.currency)
    tier = CreatorTier(
        id=uuid.uuid4(),
        creator_id=profile.user_id,
        name=body["name"],
        description=body.get("description", ""),
        price=amount,
        currency=profile.currency,
        benefits=body.get("benefits", []),
    )
    tier.stripe_plan_id = new_plan(profile, amount, tier.id)
    db.session.add(tier)
    db.session.commit()
    return tier


def update_tier(user_id: uuid.UUID, tier_id: uuid.UUID, body: dict) -> CreatorTier:
    """Edit a tier; a new price is a new Stripe plan (its subscribers keep the old one)."""
    require_configured()
    profile = require_profile(user_id)
    tier = get_tier(profile.user_id, tier_id)
    if body.get("price") is not None:
        amount = parse_price(body["price"], profile.currency)
        if amount != tier.price:
            tier.stripe_plan_id = new_plan(profile, amount, tier.id)
            tier.price = amount
    for field in ("name", "description", "benefits"):
        if field in body:
            setattr(tier, field, body[field])
    db.session.commit()
    return tier


def delete_tier(user_id: uuid.UUID, tier_id: uuid.UUID) -> None:
    """Retire a tier (soft: its subscribers keep their plan until they cancel). Commits."""
    tier = get_tier(require_profile(user_id).user_id, tier_id)
    tier.is_active = False
    db.session.commit()
