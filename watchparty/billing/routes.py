"""REST views of platform plans and subscriptions."""

from watchparty.billing import plans, subscriptions
from watchparty.billing.schemas import (
    CancelSchema,
    PlanListSchema,
    SubscribeResultSchema,
    SubscribeSchema,
    SubscriptionChangeSchema,
    SubscriptionDetailSchema,
)
from watchparty.common.auth import auth_required, current_user, optional_auth
from watchparty.common.blueprint import Blueprint

blp = Blueprint("billing_routes", __name__, description="Billing")


@blp.get("/plans/")
@optional_auth
@blp.response(200, PlanListSchema)
def list_plans():
    """The platform plans with prices, features and limits (works without Stripe keys)."""
    return {"plans": plans.list_plans()}


@blp.post("/subscribe/")
@auth_required
@blp.arguments(SubscribeSchema)
@blp.response(201, SubscribeResultSchema)
@blp.alt_response(200, description="3-D Secure needed: `requires_action` and `client_secret`")
@blp.alt_response(402, description="The card was declined; nothing was kept")
@blp.alt_response(409, description="Already subscribed")
def subscribe(body):
    """Subscribe to a paid plan with a card (Stripe PaymentMethod id), maybe a promo code."""
    user = current_user._get_current_object()
    result = subscriptions.subscribe(user, **body)
    return result, 201 if result["success"] else 200


@blp.get("/subscription/")
@auth_required
@blp.response(200, SubscriptionDetailSchema)
def get_subscription():
    """Your subscription (or null), this month's usage against your plan, the next payment."""
    return subscriptions.subscription_detail(current_user._get_current_object())


@blp.post("/subscription/cancel/")
@auth_required
@blp.arguments(CancelSchema)
@blp.response(200, SubscriptionChangeSchema)
def cancel_subscription(body):
    """Cancel at the end of the paid period (default) or at once."""
    user = current_user._get_current_object()
    return subscriptions.cancel(user, body["cancel_at_period_end"], body.get("reason"))


@blp.post("/subscription/resume/")
@auth_required
@blp.response(200, SubscriptionChangeSchema)
def resume_subscription():
    """Keep a subscription that was set to end at the period's end."""
    return subscriptions.resume(current_user._get_current_object())
