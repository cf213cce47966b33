"""The one place a Stripe subscription becomes the local row (REST, webhooks, reconciliation)."""

import time
import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from watchparty.billing import entitlements
from watchparty.billing.models import BillingAccount, Plan, Subscription
from watchparty.extensions import db
from watchparty.users.models import User

PLATFORM = "platform"


def as_dict(obj) -> dict:
    """A Stripe object (or a webhook's plain dict) as a plain dict."""
    if obj is None:
        return {}
    if isinstance(obj, dict):
        return obj
    return obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)


def object_id(value) -> str | None:
    """The id of a field that is either an id or an expanded object."""
    if isinstance(value, dict):
        return value.get("id")
    return value if isinstance(value, str) else None


def timestamp(value) -> datetime | None:
    """A Stripe epoch-seconds field as an aware datetime."""
    return datetime.fromtimestamp(int(value), UTC) if value else None


def first_item(data: dict) -> dict:
    """The subscription's first item (platform subscriptions have exactly one)."""
    items = data.get("items") or {}
    rows = items.get("data") if isinstance(items, dict) else items
    return rows[0] if rows else {}


def _user_id(data: dict) -> uuid.UUID | None:
    """The subscriber: metadata.user_id when it names a user, else the customer's account."""
    try:
        user_id = uuid.UUID(str((data.get("metadata") or {}).get("user_id")))
    except ValueError:
        user_id = None
    if user_id is not None and db.session.get(User, user_id) is not None:
        return user_id
    customer = object_id(data.get("customer"))
    if not customer:
        return None
    query = select(BillingAccount.user_id).where(BillingAccount.stripe_customer_id == customer)
    return db.session.scalar(query)


def _plan(data: dict) -> Plan | None:
    """The local plan: by the Stripe plan id, else the ids named in metadata (re-priced plans)."""
    item = first_item(data)
    remote = item.get("plan") or item.get("price") or data.get("plan") or {}
    remote = remote if isinstance(remote, dict) else {"id": remote}
    if remote.get("id"):
        plan = db.session.scalar(select(Plan).where(Plan.stripe_plan_id == remote["id"]))
        if plan is not None:
            return plan
    for metadata in (remote.get("metadata") or {}, data.get("metadata") or {}):
        if metadata.get("plan_id"):
            plan = db.session.get(Plan, str(metadata["plan_id"]))
            if plan is not None:
                return plan
    return None


def _period(data: dict, key: str) -> datetime | None:
    """current_period_start/end: on the subscription (older API versions) or its item."""
    return timestamp(data.get(key) or first_item(data).get(key))


def _apply(row: Subscription, data: dict, stamp: int) -> None:
    """Copy Stripe's fields onto the row."""
    row.status = data.get("status") or row.status or "incomplete"
    row.current_period_start = _period(data, "current_period_start") or row.current_period_start
    row.current_period_end = _period(data, "current_period_end") or row.current_period_end
    # Emulators may echo a boolean as the string it was sent.
    row.cancel_at_period_end = data.get("cancel_at_period_end") in (True, "true")
    ended = data.get("canceled_at") or data.get("ended_at")
    row.canceled_at = timestamp(ended) if ended else None
    row.stripe_updated = stamp


def upsert_subscription(stripe_subscription, as_of: int | None = None) -> Subscription | None:
    """Store Stripe's view of a platform subscription and the user's entitlements. Commits."""
    # None for anything else (creator subscriptions, unknown customers or plans). News older
    # than the row (`as_of`, the event's `created`) is ignored; None means freshly fetched.
    data = as_dict(stripe_subscription)
    stripe_id = data.get("id")
    if not isinstance(stripe_id, str) or not stripe_id:
        return None
    if (data.get("metadata") or {}).get("kind", PLATFORM) != PLATFORM:
        return None
    stamp = int(as_of) if as_of is not None else int(time.time())
    for _attempt in range(2):  # a concurrent insert of the same subscription: update theirs
        row = db.session.scalar(
            select(Subscription).where(Subscription.stripe_subscription_id == stripe_id)
        )
        if row is not None and as_of is not None and as_of < (row.stripe_updated or 0):
            return row
        if row is None:
            plan, user_id = _plan(data), _user_id(data)
            if plan is None or user_id is None:
                return None
            row = Subscription(user_id=user_id, plan_id=plan.id, stripe_subscription_id=stripe_id)
            db.session.add(row)
        else:
            plan = _plan(data)
            row.plan_id = plan.id if plan is not None else row.plan_id
        _apply(row, data, stamp)
        try:
            db.session.commit()
            break
        except IntegrityError:
            db.session.rollback()
    else:
        return None
    entitlements.apply(row.user_id)
    return row
