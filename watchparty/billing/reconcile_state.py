"""The billing fields reconciliation compares: one user's local state, and what changed in it."""

import uuid
from datetime import datetime

from sqlalchemy import select

from watchparty.billing.models import Invoice, Payment, Subscription
from watchparty.billing.product_lines import product_lines
from watchparty.common.types import iso
from watchparty.extensions import db
from watchparty.users.models import User

State = dict[tuple[str, str], dict]


def _plain(value):
    """A JSON-able value for the run's change list (times as ISO 8601 UTC)."""
    return iso(value) if isinstance(value, datetime) else value


def _fields(row, names: tuple[str, ...]) -> dict:
    return {name: _plain(getattr(row, name)) for name in names}


def user_state(user_id: uuid.UUID) -> State:
    """Every reconciled field of one user's billing rows, keyed by (object, Stripe id)."""
    state: State = {}
    user = db.session.get(User, user_id, populate_existing=True)
    if user is None:
        return state
    state[("user", str(user_id))] = _fields(user, ("is_premium", "subscription_expires"))
    queries = (
        (
            "subscription",
            select(Subscription).where(Subscription.user_id == user_id),
            "stripe_subscription_id",
            ("status", "plan_id", "current_period_end", "cancel_at_period_end", "canceled_at"),
        ),
        (
            "invoice",
            select(Invoice).where(Invoice.user_id == user_id),
            "stripe_invoice_id",
            ("status", "amount_due", "amount_paid", "paid_at"),
        ),
        (
            "payment",
            select(Payment).where(Payment.user_id == user_id),
            "stripe_object_id",
            ("kind", "status", "amount"),
        ),
    )
    for line in product_lines:
        queries += tuple(line.state_queries(user_id))
    for name, stmt, key, fields in queries:
        for row in db.session.scalars(stmt.execution_options(populate_existing=True)):
            state[(name, getattr(row, key) or str(row.id))] = _fields(row, fields)
    return state


def diff(before: State, after: State) -> list[dict]:
    """`{object, id, field, from, to}` for every field that differs (a new row: from None)."""
    changes = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key, {}), after.get(key, {})
        for field in sorted(old.keys() | new.keys()):
            if old.get(field) != new.get(field):
                changes.append(
                    {
                        "object": key[0],
                        "id": key[1],
                        "field": field,
                        "from": old.get(field),
                        "to": new.get(field),
                    }
                )
    return changes
