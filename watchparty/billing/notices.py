"""What billing tells subscribers through notifications, from Stripe's events: a renewal, a
failed charge, a subscription set to end or ended. Raised once per Stripe event id: after the
event's one successful processing, and claimed in the live store against a concurrent run."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from watchparty.billing.event_models import WebhookEvent
from watchparty.billing.models import BillingAccount, Plan, Subscription
from watchparty.billing.money import as_text
from watchparty.common.notify import notify
from watchparty.extensions import db
from watchparty.live.state import store
from watchparty.users.models import User

CLAIM_TTL_SECONDS = 24 * 3600


def _subscription_ref(data: dict) -> tuple[str | None, dict]:
    """The Stripe subscription an invoice is for, and its metadata when the event carries it."""
    details = (data.get("parent") or {}).get("subscription_details") or {}
    sub = data.get("subscription") or details.get("subscription")
    if isinstance(sub, dict):
        return sub.get("id"), sub.get("metadata") or {}
    legacy = data.get("subscription_details") or {}
    return sub, details.get("metadata") or legacy.get("metadata") or {}


def _user_of(data: dict, metadata: dict) -> uuid.UUID | None:
    """The paying user: the Stripe customer's account, else the subscription's metadata."""
    customer = data.get("customer")
    customer = customer.get("id") if isinstance(customer, dict) else customer
    if customer:
        found = db.session.scalar(
            select(BillingAccount.user_id).where(BillingAccount.stripe_customer_id == customer)
        )
        if found is not None:
            return found
    for key in ("user_id", "subscriber_id"):
        try:
            user_id = uuid.UUID(str(metadata.get(key)))
        except ValueError:
            continue
        if db.session.get(User, user_id) is not None:
            return user_id
    return None


def _what(stripe_subscription_id: str | None, metadata: dict) -> str:
    """The subscription in words: "your Premium subscription", "your subscription to Ada"."""
    row = db.session.scalar(
        select(Subscription).where(Subscription.stripe_subscription_id == stripe_subscription_id)
    )
    if row is not None and (plan := db.session.get(Plan, row.plan_id)) is not None:
        return f"your {plan.name} subscription"
    try:
        creator = db.session.get(User, uuid.UUID(str(metadata.get("creator_id"))))
    except ValueError:
        creator = None
    return f"your subscription to {creator.full_name}" if creator else "your subscription"


def _upper(text: str) -> str:
    """The text starting a sentence (str.capitalize would lower the plan's name)."""
    return text[:1].upper() + text[1:]


def _day(epoch) -> str:
    return datetime.fromtimestamp(int(epoch), UTC).strftime("%-d %B %Y") if epoch else "soon"


def _invoice(event_type: str, data: dict) -> tuple | None:
    sub_id, metadata = _subscription_ref(data)
    if not sub_id:
        return None
    what, ids = _what(sub_id, metadata), {"invoice_id": data.get("id"), "subscription_id": sub_id}
    if event_type == "invoice.paid" and data.get("billing_reason") == "subscription_cycle":
        paid = as_text(int(data.get("amount_paid") or 0), data.get("currency") or "usd")
        message = f"{_upper(what)} renewed: {paid} was charged"
        return "subscription_renewed", "Subscription renewed", message, ids, metadata
    if event_type == "invoice.payment_failed":
        due = as_text(int(data.get("amount_due") or 0), data.get("currency") or "usd")
        message = f"We could not charge {due} for {what}. Update your card to keep it."
        return "subscription_payment_failed", "Payment failed", message, ids, metadata
    return None


def _subscription(event_type: str, data: dict, previous: dict) -> tuple | None:
    metadata = data.get("metadata") or {}
    what, ids = _what(data.get("id"), metadata), {"subscription_id": data.get("id")}
    if event_type == "customer.subscription.deleted":
        message = f"{_upper(what)} has ended"
        return "subscription_ending", "Subscription ended", message, ids, metadata
    was_running = "cancel_at_period_end" in previous and not previous["cancel_at_period_end"]
    cancelled = data.get("cancel_at_period_end") in (True, "true")
    if event_type == "customer.subscription.updated" and was_running and cancelled:
        end = data.get("current_period_end") or data.get("cancel_at")
        message = f"{_upper(what)} ends on {_day(end)}"
        return "subscription_ending", "Subscription ending", message, ids, metadata
    return None


def notice_of(event: WebhookEvent) -> tuple | None:
    """(kind, title, message, data, metadata) the event deserves, or None."""
    body = (event.payload or {}).get("data") or {}
    data, previous = body.get("object") or {}, body.get("previous_attributes") or {}
    if event.type.startswith("invoice."):
        return _invoice(event.type, data)
    if event.type.startswith("customer.subscription."):
        return _subscription(event.type, data, previous)
    return None


def after_event(event: WebhookEvent) -> None:
    """Tell the subscriber what a processed event means for them, once per event id."""
    found = notice_of(event)
    if found is None:
        return
    kind, title, message, ids, metadata = found
    user_id = _user_of((event.payload["data"]["object"]), metadata)
    if user_id is None:
        return
    if not store().set(f"billing:notified:{event.id}", "1", ttl=CLAIM_TTL_SECONDS, nx=True):
        return
    data = {key: value for key, value in ids.items() if value} | {"event_id": event.id}
    notify(user_id, kind, title, message, data=data)
