"""Platform plans: the catalogue's rows in the database, and their Stripe products and plans.

The database is the source of truth once a row exists: `ensure_catalogue` only adds missing
rows, so an admin's edits (price, features, limits) survive deploys and `sync-plans` pushes
them to Stripe; `overwrite=True` (`--reset`) puts the catalogue's values back.
"""

import stripe
from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from watchparty.billing import catalog
from watchparty.billing.models import Plan
from watchparty.billing.stripe_api import call, client
from watchparty.errors import ValidationError
from watchparty.extensions import db

FIELDS = ("name", "description", "amount", "interval", "features", "limits", "is_premium")


def ensure_catalogue(overwrite: bool = False) -> None:
    """Create the catalogue's missing plan rows (and reset existing ones when `overwrite`)."""
    currency = current_app.config["BILLING_CURRENCY"]
    existing = {plan.id: plan for plan in db.session.scalars(select(Plan))}
    changed = False
    for item in catalog.CATALOGUE:
        plan = existing.get(item["id"])
        if plan is None:
            db.session.add(Plan(currency=currency, is_active=True, **item))
            changed = True
        elif overwrite:
            for key, value in item.items():
                setattr(plan, key, value)
            changed = True
    if not changed:
        return
    try:
        db.session.commit()
    except IntegrityError:  # another request seeded them at the same time
        db.session.rollback()


def list_plans() -> list[Plan]:
    """The active plans, cheapest first (the catalogue's rows are created when missing)."""
    ensure_catalogue()
    query = select(Plan).where(Plan.is_active.is_(True)).order_by(Plan.sort_order, Plan.amount)
    return list(db.session.scalars(query))


def get_plan(plan_id: str) -> Plan | None:
    """One plan by id (seeding the catalogue first if it is one of its plans)."""
    plan = db.session.get(Plan, plan_id)
    if plan is None and catalog.entry(plan_id):
        ensure_catalogue()
        plan = db.session.get(Plan, plan_id)
    return plan


def _retrieve(fetch) -> object | None:
    """A Stripe object, or None when Stripe answers 404."""
    try:
        return call(fetch)
    except ValidationError as error:
        cause = error.__cause__
        if isinstance(cause, stripe.InvalidRequestError) and cause.http_status == 404:
            return None
        raise


def _ensure_product(plan: Plan, changes: list[str]) -> str:
    """The plan's Stripe product id; created (with a stable id) when missing."""
    product_id = plan.stripe_product_id or f"wp_{plan.id}"
    product = _retrieve(lambda: client().products.retrieve(product_id))
    if product is None:
        params = {"id": product_id, "name": plan.name, "metadata": {"plan_id": plan.id}}
        call(lambda: client().products.create(params=params))
        changes.append(f"created product {product_id} for {plan.id}")
    elif product.name != plan.name:
        call(lambda: client().products.update(product_id, params={"name": plan.name}))
        changes.append(f"renamed product {product_id}")
    return product_id


def _price_id(plan: Plan) -> str:
    """A Stripe plan id naming its price: Stripe plans are immutable, so a new price is a new id."""
    return f"wp_{plan.id}_{plan.amount}{plan.currency.lower()}_{plan.interval}"


def sync_plan(plan: Plan) -> list[str]:
    """Give a paid plan a Stripe product and plan at its price; returns what changed. Commits."""
    # A changed price gets a new Stripe plan and the old one is deactivated.
    if plan.amount <= 0 or not plan.is_active:
        return []
    changes: list[str] = []
    product_id = _ensure_product(plan, changes)
    wanted = _price_id(plan)
    old = plan.stripe_plan_id
    remote = _retrieve(lambda: client().plans.retrieve(wanted))
    if remote is None:
        params = {
            "id": wanted,
            "amount": plan.amount,
            "currency": plan.currency.lower(),
            "interval": plan.interval,
            "product": product_id,
            "nickname": plan.name,
            "metadata": {"plan_id": plan.id},
        }
        call(lambda: client().plans.create(params=params))
        changes.append(f"created Stripe plan {wanted}")
    elif remote.active not in (True, "true"):  # back to an earlier price: reuse its plan
        call(lambda: client().plans.update(wanted, params={"active": True}))
        changes.append(f"reactivated Stripe plan {wanted}")
    if old and old != wanted:
        # Existing subscribers keep the old price until they change plan; nobody new gets it.
        if _retrieve(lambda: client().plans.retrieve(old)) is not None:
            call(lambda: client().plans.update(old, params={"active": False}))
        changes.append(f"repriced {plan.id}: {old} -> {wanted}")
    if plan.stripe_product_id != product_id or plan.stripe_plan_id != wanted:
        plan.stripe_product_id, plan.stripe_plan_id = product_id, wanted
        db.session.commit()
    return changes


def sync_plans(overwrite: bool = False) -> list[str]:
    """Seed the catalogue, then bring every paid active plan in step with Stripe."""
    ensure_catalogue(overwrite)
    changes: list[str] = []
    for plan in db.session.scalars(select(Plan).order_by(Plan.sort_order)):
        changes.extend(sync_plan(plan))
    return changes
