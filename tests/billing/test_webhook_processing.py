"""Processing stored events: Stripe's current object wins, whatever order events arrive in."""

import time

import pytest
import stripe as stripe_errors
from sqlalchemy import select

from tests.billing.test_webhooks import event_body, post_event
from watchparty.billing import customers, stripe_events
from watchparty.billing.event_models import WebhookEvent
from watchparty.billing.models import Invoice, Plan, Subscription
from watchparty.billing.stripe_api import client as stripe
from watchparty.extensions import db
from watchparty.users.models import User


def premium_plan() -> Plan:
    """A premium plan with its Stripe product and plan in localstripe."""
    product = stripe().v1.products.create(params={"name": "Premium"})
    params = {"amount": 999, "currency": "usd", "interval": "month", "product": product.id}
    remote = stripe().v1.plans.create(params=params)
    plan = Plan(
        id="premium",
        name="Premium",
        amount=999,
        is_premium=True,
        stripe_product_id=product.id,
        stripe_plan_id=remote.id,
    )
    db.session.add(plan)
    db.session.commit()
    return plan


def paying_customer(user) -> str:
    """The user's Stripe customer, with a default card that pays."""
    card = stripe().v1.payment_methods.create(
        params={
            "type": "card",
            "card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2034, "cvc": "123"},
        }
    )
    customers.attach_payment_method(user, card.id, make_default=True)
    return customers.ensure_customer(user)


def stripe_subscription(user, plan: Plan):
    """A platform subscription made directly at Stripe (as if no webhook ever arrived)."""
    params = {
        "customer": paying_customer(user),
        "items": [{"plan": plan.stripe_plan_id}],
        "metadata": {"kind": "platform", "user_id": str(user.id), "plan_id": plan.id},
    }
    return stripe().v1.subscriptions.create(params=params)


def snapshot(obj, **changes) -> dict:
    """A Stripe object as an event carries it, with some fields changed."""
    return obj.to_dict() | changes


def test_out_of_order_events_end_in_stripes_real_state(client, stripe_on, users, run_jobs):
    user, plan = users.create(), premium_plan()
    sub = stripe_subscription(user, plan)
    created_snapshot = snapshot(sub)
    canceled = stripe().v1.subscriptions.cancel(sub.id)
    now = int(time.time())
    # The later event (canceled) arrives first, then the earlier one (active).
    updated = event_body("evt_2", "customer.subscription.updated", snapshot(canceled), now)
    created = event_body("evt_1", "customer.subscription.created", created_snapshot, now - 5)
    assert post_event(client, updated).status_code == 200
    assert post_event(client, created).status_code == 200
    run_jobs()
    row = db.session.scalars(select(Subscription)).one()
    assert row.status == "canceled" and row.stripe_subscription_id == sub.id
    assert db.session.get(User, user.id).is_premium is False
    statuses = {e.id: e.status for e in db.session.scalars(select(WebhookEvent))}
    assert statuses == {"evt_1": "processed", "evt_2": "processed"}


def test_an_active_subscription_event_makes_the_user_premium(client, stripe_on, users, run_jobs):
    user, plan = users.create(), premium_plan()
    sub = stripe_subscription(user, plan)
    body = event_body("evt_active", "customer.subscription.created", snapshot(sub))
    assert post_event(client, body).status_code == 200
    run_jobs()
    assert db.session.scalars(select(Subscription)).one().status == "active"
    assert db.session.get(User, user.id).is_premium is True


def test_when_stripe_forgot_the_object_older_snapshots_do_not_win(
    client, stripe_on, users, run_jobs
):
    user, plan = users.create(), premium_plan()
    sub = snapshot(stripe_subscription(user, plan), id="sub_forgotten")
    now = int(time.time())
    newer = event_body(
        "evt_new", "customer.subscription.updated", sub | {"status": "past_due"}, now
    )
    older = event_body("evt_old", "customer.subscription.created", sub, now - 60)
    post_event(client, newer)
    run_jobs()
    post_event(client, older)
    run_jobs()
    row = db.session.scalars(
        select(Subscription).where(Subscription.stripe_subscription_id == "sub_forgotten")
    ).one()
    assert row.status == "past_due"


def test_a_deleted_subscription_stripe_forgot_is_canceled(client, stripe_on, users, run_jobs):
    user, plan = users.create(), premium_plan()
    sub = snapshot(stripe_subscription(user, plan), id="sub_gone")
    now = int(time.time())
    post_event(client, event_body("evt_a", "customer.subscription.created", sub, now - 10))
    run_jobs()
    post_event(client, event_body("evt_d", "customer.subscription.deleted", sub, now))
    run_jobs()
    row = db.session.scalars(
        select(Subscription).where(Subscription.stripe_subscription_id == "sub_gone")
    ).one()
    assert row.status == "canceled"


def test_processing_an_event_twice_changes_nothing_more(client, stripe_on, users, run_jobs):
    user, plan = users.create(), premium_plan()
    sub = stripe_subscription(user, plan)
    post_event(client, event_body("evt_once", "customer.subscription.created", snapshot(sub)))
    run_jobs()
    before = db.session.scalars(select(Subscription)).one().updated_at
    event = stripe_events.process("evt_once")
    assert event.status == "processed" and event.attempts == 1
    assert db.session.scalars(select(Subscription)).one().updated_at == before


def test_a_failed_attempt_is_marked_failed_with_the_error(stripe_on, app, monkeypatch):
    obj = {"id": "sub_1", "object": "subscription", "metadata": {}}
    payload = {
        "id": "evt_fail",
        "object": "event",
        "type": "customer.subscription.updated",
        "created": int(time.time()),
        "data": {"object": obj},
    }
    db.session.add(
        WebhookEvent(
            id="evt_fail", type=payload["type"], created=payload["created"], payload=payload
        )
    )
    db.session.commit()
    # Stripe unreachable: the re-fetch fails, so the event must not count as processed.
    monkeypatch.setitem(app.config, "STRIPE_API_BASE", "http://127.0.0.1:9")
    with pytest.raises(stripe_errors.APIConnectionError):
        stripe_events.process("evt_fail")
    event = db.session.get(WebhookEvent, "evt_fail")
    assert event.status == "failed" and "APIConnectionError" in event.error
    assert event.attempts == 1 and event.processed_at is None


def test_an_invoice_event_records_stripes_current_invoice(client, stripe_on, users, run_jobs):
    user, plan = users.create(), premium_plan()
    sub = stripe_subscription(user, plan)
    invoice = stripe().v1.invoices.retrieve(sub.latest_invoice)
    stale = snapshot(invoice, status="open", amount_paid=0)  # the snapshot lags behind Stripe
    post_event(client, event_body("evt_inv", "invoice.created", stale))
    run_jobs()
    row = db.session.scalars(select(Invoice)).one()
    assert row.stripe_invoice_id == invoice.id
    assert row.status == "paid" and row.amount_paid == 999
