"""Becoming a creator, the creator's own profile, public profiles and verification."""

import uuid

from flask import current_app

from watchparty.common.inserts import commit_unique
from watchparty.common.shown import Shown
from watchparty.creators import stats
from watchparty.creators.models import CreatorProfile
from watchparty.errors import Conflict, Forbidden, NotFound
from watchparty.extensions import db


def get_profile(user_id: uuid.UUID) -> CreatorProfile:
    """A creator's profile, or 404 `creator_not_found`."""
    profile = db.session.get(CreatorProfile, user_id)
    if profile is None or not profile.user.can_sign_in:
        raise NotFound("Creator not found.", code="creator_not_found")
    return profile


def require_profile(user_id: uuid.UUID) -> CreatorProfile:
    """The caller's own creator profile, or 404 `not_a_creator`."""
    profile = db.session.get(CreatorProfile, user_id)
    if profile is None:
        raise NotFound("You do not have a creator account.", code="not_a_creator")
    return profile


def become_creator(user, body: dict) -> Shown:
    """Open the caller's creator account (409 if they have one); an optional first price.
    Commits; the profile comes back with its `message`."""
    from watchparty.creators import pricing

    if db.session.get(CreatorProfile, user.id) is not None:
        raise Conflict("You already have a creator account.", code="already_a_creator")
    currency = current_app.config["BILLING_CURRENCY"]
    price = body.get("subscription_price")
    amount = None if price is None else pricing.parse_price(price, currency, "subscription_price")
    profile = CreatorProfile(user_id=user.id, bio=body.get("bio", ""), currency=currency)
    db.session.add(profile)
    # A concurrent request may have created it first.
    commit_unique(Conflict("You already have a creator account.", code="already_a_creator"))
    if amount is not None:
        # The profile stays (without a price) if Stripe fails here: the caller can retry
        # POST /me/price/ and nothing claims a plan that does not exist.
        pricing.set_price(user.id, price)
    return Shown(profile, message="Creator account created successfully")


def own_profile(user_id: uuid.UUID) -> Shown:
    """The caller's creator account with its stats (views, likes, subscribers, tips)."""
    profile = require_profile(user_id)
    return Shown(profile, stats=stats.summary(profile))


def dashboard(user, user_id: uuid.UUID) -> dict:
    """A creator's monthly numbers: for the creator and staff only (403 otherwise)."""
    if user_id != user.id and not user.is_admin:
        raise Forbidden("Only the creator can see these stats.")
    return stats.monthly(get_profile(user_id))


def update_profile(user_id: uuid.UUID, body: dict) -> CreatorProfile:
    """Edit the caller's bio. Commits."""
    profile = require_profile(user_id)
    profile.bio = body["bio"]
    db.session.commit()
    return profile


def verify(user_id: uuid.UUID, verified: bool = True) -> CreatorProfile:
    """Staff mark a creator verified. Commits."""
    profile = get_profile(user_id)
    profile.is_verified = verified
    db.session.commit()
    return profile
