"""REST views of creators: profiles, discovery, price and tiers, subscriptions (seed 000)."""

import uuid

from watchparty.common.auth import admin_required, auth_required, current_user, me, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.creators import discovery, pricing, profiles, subscriptions
from watchparty.creators.schemas import (
    CreatorCreateSchema,
    CreatorDetailSchema,
    CreatorPageSchema,
    CreatorPriceResultSchema,
    CreatorPriceSchema,
    CreatorQuerySchema,
    CreatorStatsSchema,
    CreatorSubscribeResultSchema,
    CreatorSubscribeSchema,
    CreatorSubscriptionStatusSchema,
    CreatorTierCreateSchema,
    CreatorTierSchema,
    CreatorTierUpdateSchema,
    CreatorUnsubscribeResultSchema,
    CreatorUpdateSchema,
    SubscriberPageSchema,
)

blp = Blueprint("creators_routes", __name__, description="Creators")


@blp.post("/")
@auth_required
@blp.arguments(CreatorCreateSchema)
@blp.response(201, CreatorDetailSchema)
def become_creator(body):
    """Open the caller's creator account (`bio`, optional `subscription_price`)."""
    return profiles.become_creator(me(), body)


@blp.get("/")
@optional_auth
@blp.arguments(CreatorQuerySchema, location="query")
@blp.response(200, CreatorPageSchema)
def list_creators(query):
    """Creators, verified and most-subscribed first; `search` matches name or bio."""
    return discovery.search(query["search"], query["page"], query["page_size"])


@blp.get("/popular/")
@optional_auth
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, CreatorPageSchema)
def popular(query):
    """Creators by subscribers*10 + views + likes*3 (`weighted_score`)."""
    return discovery.popular(query["page"], query["page_size"])


@blp.get("/subscribed/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, CreatorPageSchema)
def subscribed(query):
    """The creators the caller is subscribed to."""
    return subscriptions.subscribed(current_user, query["page"], query["page_size"])


@blp.get("/me/")
@auth_required
@blp.response(200, CreatorDetailSchema)
def my_profile():
    """The caller's creator account with stats (views, likes, subscribers, tips)."""
    return profiles.own_profile(current_user.id)


@blp.patch("/me/")
@auth_required
@blp.arguments(CreatorUpdateSchema)
@blp.response(200, CreatorDetailSchema)
def update_my_profile(body):
    """Edit the caller's creator bio."""
    return profiles.update_profile(current_user.id, body)


@blp.post("/me/price/")
@auth_required
@blp.arguments(CreatorPriceSchema)
@blp.response(200, CreatorPriceResultSchema)
def set_price(body):
    """Set the monthly price: a new Stripe plan; current subscribers keep their price."""
    return pricing.set_price(current_user.id, body["price"])


@blp.get("/me/tiers/")
@auth_required
@blp.response(200, CreatorTierSchema(many=True))
def list_tiers():
    """The caller's active tiers, cheapest first."""
    profile = profiles.require_profile(current_user.id)
    return pricing.list_tiers(profile.user_id)


@blp.post("/me/tiers/")
@auth_required
@blp.arguments(CreatorTierCreateSchema)
@blp.response(201, CreatorTierSchema)
def create_tier(body):
    """Add a tier (name, description, price, benefits) with its own Stripe plan."""
    return pricing.create_tier(current_user.id, body)


@blp.patch("/me/tiers/<uuid:tier_id>/")
@auth_required
@blp.arguments(CreatorTierUpdateSchema)
@blp.response(200, CreatorTierSchema)
def update_tier(body, tier_id: uuid.UUID):
    """Edit a tier; a new price is a new plan for new subscribers."""
    return pricing.update_tier(current_user.id, tier_id, body)


@blp.delete("/me/tiers/<uuid:tier_id>/")
@auth_required
@blp.response(204)
def delete_tier(tier_id: uuid.UUID):
    """Retire a tier (its subscribers keep their plan)."""
    pricing.delete_tier(current_user.id, tier_id)
    return "", 204


@blp.get("/me/subscribers/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, SubscriberPageSchema)
def my_subscribers(query):
    """The caller's current subscribers, newest first."""
    return subscriptions.subscribers(current_user, query["page"], query["page_size"])


@blp.get("/<uuid:user_id>/")
@optional_auth
@blp.response(200, CreatorDetailSchema)
def creator_profile(user_id: uuid.UUID):
    """A creator's public profile with tiers."""
    return profiles.get_profile(user_id)


@blp.get("/<uuid:user_id>/stats/")
@auth_required
@blp.response(200, CreatorStatsSchema)
def creator_stats(user_id: uuid.UUID):
    """The creator's own numbers: views, likes, subscribers, this month's revenue."""
    return profiles.dashboard(current_user, user_id)


@blp.post("/<uuid:user_id>/verify/")
@admin_required
@blp.response(200, CreatorDetailSchema)
def verify_creator(user_id: uuid.UUID):
    """Staff: mark a creator verified."""
    return profiles.verify(user_id)


@blp.post("/<uuid:user_id>/subscribe/")
@auth_required
@blp.arguments(CreatorSubscribeSchema)
@blp.response(201, CreatorSubscribeResultSchema)
@blp.alt_response(202, schema=CreatorSubscribeResultSchema, description="3-D Secure needed")
def subscribe(body, user_id: uuid.UUID):
    """Subscribe to a creator (or a tier) with a card or the saved default."""
    return subscriptions.subscribe(me(), user_id, body)


@blp.post("/<uuid:user_id>/unsubscribe/")
@auth_required
@blp.response(200, CreatorUnsubscribeResultSchema)
def unsubscribe(user_id: uuid.UUID):
    """Cancel at the end of the paid period; returns `end_date`."""
    return subscriptions.unsubscribe(me(), user_id)


@blp.get("/<uuid:user_id>/subscription-status/")
@auth_required
@blp.response(200, CreatorSubscriptionStatusSchema)
def subscription_status(user_id: uuid.UUID):
    """Whether the caller is subscribed to the creator, and until when."""
    return subscriptions.status(current_user, user_id)
