"""Billing tells subscribers, from Stripe's signed webhook events (localstripe behind the real
SDK), that a subscription renewed, failed to charge, is set to end or ended; once per event id."""

import json
import time

from tests.billing import conftest as billing
from tests.billing.test_webhook_processing import premium_plan, stripe_subscription
from tests.billing.test_webhooks import event_body, post_event
from tests.notifications.producer_kit import inbox, of_type, only
from watchparty.billing import stripe_events

# The billing fixtures: localstripe in its own process, the app configured against it.
localstripe, stripe_on = billing.localstripe, billing.stripe_on


def _subscribed(users):
    """A user with a platform Premium subscription at localstripe, stored locally."""
    user = users.create()
    remote = stripe_subscription(user, premium_plan())
    stripe_events.apply_subscription(remote, None)
    return user, remote


def _invoice(remote, event_type: str, event_id: str, **fields) -> str:
    invoice = {
        "id": f"in_{event_id}",
        "object": "invoice",
        "customer": remote.customer,
        "subscription": remote.id,
        "status": "paid",
        "currency": "usd",
        "amount_due": 999,
        "amount_paid": 999,
        "billing_reason": "subscription_cycle",
    } | fields
    return event_body(event_id, event_type, invoice)


def _deliver(client, run_jobs, *bodies) -> None:
    for body in bodies:
        assert post_event(client, body).status_code == 200
    run_jobs()


def test_a_renewal_is_told_once_per_event(client, users, stripe_on, run_jobs):
    user, remote = _subscribed(users)
    paid = _invoice(remote, "invoice.paid", "evt_renew")
    succeeded = _invoice(remote, "invoice.payment_succeeded", "evt_renew_2")  # same invoice
    _deliver(client, run_jobs, paid, paid, succeeded)
    item = only(client, users, user, "subscription_renewed")
    assert item["title"] == "Subscription renewed"
    assert item["message"] == "Your Premium subscription renewed: 9.99 USD was charged"
    assert item["data"]["subscription_id"] == remote.id
    assert item["data"]["invoice_id"] == "in_evt_renew"
    assert inbox(client, users, user)["count"] == 1


def test_the_first_invoice_of_a_subscription_is_no_renewal(client, users, stripe_on, run_jobs):
    user, remote = _subscribed(users)
    _deliver(client, run_jobs, _invoice(remote, "invoice.paid", "evt_first", billing_reason="x"))
    assert of_type(client, users, user, "subscription_renewed") == []


def test_a_failed_charge_is_told(client, users, stripe_on, run_jobs):
    user, remote = _subscribed(users)
    failed = _invoice(remote, "invoice.payment_failed", "evt_fail", status="open", amount_paid=0)
    _deliver(client, run_jobs, failed)
    item = only(client, users, user, "subscription_payment_failed")
    assert item["message"] == (
        "We could not charge 9.99 USD for your Premium subscription. Update your card to keep it."
    )


def _subscription_event(remote, event_type: str, event_id: str, previous=None, **fields) -> str:
    body = event_body(event_id, event_type, remote.to_dict() | fields)
    if previous is None:
        return body
    event = json.loads(body)
    event["data"]["previous_attributes"] = previous
    return json.dumps(event)


def test_cancelling_at_period_end_and_the_end_are_told(client, users, stripe_on, run_jobs):
    user, remote = _subscribed(users)
    end = int(time.time()) + 30 * 86400
    cancelled = _subscription_event(
        remote,
        "customer.subscription.updated",
        "evt_cancel",
        previous={"cancel_at_period_end": False},
        cancel_at_period_end=True,
        current_period_end=end,
    )
    other_change = _subscription_event(
        remote, "customer.subscription.updated", "evt_other", previous={"metadata": {}}
    )
    _deliver(client, run_jobs, cancelled, other_change)
    item = only(client, users, user, "subscription_ending")
    assert item["title"] == "Subscription ending"
    day = time.strftime("%-d %B %Y", time.gmtime(end))
    assert item["message"] == f"Your Premium subscription ends on {day}"
    deleted = _subscription_event(remote, "customer.subscription.deleted", "evt_deleted")
    _deliver(client, run_jobs, deleted)
    ended = of_type(client, users, user, "subscription_ending")
    assert [n["title"] for n in ended] == ["Subscription ended", "Subscription ending"]
