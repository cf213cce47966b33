"""Reconciliation repairs drift from Stripe, records each change, and is scheduled once."""

import uuid

import pytest
from sqlalchemy import func, select

from tests.billing.test_webhook_processing import premium_plan, stripe_subscription
from tests.conftest import REDIS_URL
from watchparty.billing import reconcile
from watchparty.billing.event_models import ReconciliationRun
from watchparty.billing.models import Invoice, Subscription
from watchparty.billing.stripe_api import client as stripe
from watchparty.extensions import db
from watchparty.jobs import jobs
from watchparty.users.models import User


def _changed(run, obj: str, field: str) -> dict:
    return next(c for c in run.changes if c["object"] == obj and c["field"] == field)


def test_a_subscription_whose_webhook_never_arrived_is_created(stripe_on, users):
    user, plan = users.create(), premium_plan()
    sub = stripe_subscription(user, plan)
    run = reconcile.run()
    assert run.status == "done" and run.checked >= 2  # the subscription and its invoice
    row = db.session.scalars(select(Subscription)).one()
    assert row.stripe_subscription_id == sub.id and row.status == "active"
    assert db.session.get(User, user.id).is_premium is True
    assert _changed(run, "subscription", "status") == {
        "object": "subscription",
        "id": sub.id,
        "field": "status",
        "from": None,
        "to": "active",
    }
    assert _changed(run, "user", "is_premium")["to"] is True
    invoice = db.session.scalars(select(Invoice)).one()
    assert invoice.status == "paid" and invoice.amount_paid == 999


def test_a_subscription_canceled_in_the_dashboard_ends_premium(stripe_on, users):
    user, plan = users.create(), premium_plan()
    sub = stripe_subscription(user, plan)
    reconcile.run()
    stripe().v1.subscriptions.cancel(sub.id)
    run = reconcile.run()
    assert db.session.scalars(select(Subscription)).one().status == "canceled"
    assert db.session.get(User, user.id).is_premium is False
    assert _changed(run, "subscription", "status")["from"] == "active"
    assert _changed(run, "subscription", "status")["to"] == "canceled"
    assert _changed(run, "user", "is_premium") | {"id": None} == {
        "object": "user",
        "id": None,
        "field": "is_premium",
        "from": True,
        "to": False,
    }


def test_a_second_run_changes_nothing_and_every_run_is_stored(stripe_on, users):
    user, plan = users.create(), premium_plan()
    stripe_subscription(user, plan)
    first, second = reconcile.run(), reconcile.run()
    assert first.changes and second.changes == []
    assert second.status == "done" and second.checked == first.checked
    assert db.session.scalar(select(func.count()).select_from(ReconciliationRun)) == 2


def test_a_customer_stripe_lost_is_reported_and_the_run_goes_on(stripe_on, users):
    from watchparty.billing.models import BillingAccount

    lost, kept = users.create(), users.create()
    db.session.add(BillingAccount(user_id=lost.id, stripe_customer_id="cus_gone", address={}))
    db.session.commit()
    stripe_subscription(kept, premium_plan())
    run = reconcile.run()
    assert run.status == "failed" and "cus_gone" in run.error
    assert db.session.get(User, kept.id).is_premium is True


def test_admins_see_runs_with_their_changes(stripe_on, client, users):
    user = users.create()
    stripe_subscription(user, premium_plan())
    reconcile.run()
    admin = users.session_headers(users.admin())
    response = client.get("/api/billing/admin/reconciliations/", headers=admin)
    assert response.status_code == 200
    body = response.get_json()
    assert body["count"] == 1 and body["results"][0]["status"] == "done"
    assert {"object", "id", "field", "from", "to"} <= set(body["results"][0]["changes"][0])
    forbidden = client.get(
        "/api/billing/admin/reconciliations/", headers=users.session_headers(user)
    )
    assert forbidden.status_code == 403


def test_an_admin_queues_a_run_now(stripe_on, client, users, run_jobs):
    admin = users.session_headers(users.admin())
    response = client.post("/api/billing/admin/reconcile/", headers=admin)
    assert response.status_code == 202 and response.get_json()["job_id"]
    run_jobs()
    assert db.session.scalars(select(ReconciliationRun)).one().status == "done"


def test_admin_event_list_filters_by_status_and_rejects_unknown_ones(stripe_on, client, users):
    admin = users.session_headers(users.admin())
    ok = client.get("/api/billing/admin/webhook-events/?status=failed", headers=admin)
    assert ok.status_code == 200 and ok.get_json()["count"] == 0
    bad = client.get("/api/billing/admin/webhook-events/?status=lost", headers=admin)
    assert bad.status_code == 400


def test_without_keys_a_queued_run_is_not_configured(app, client, users):
    admin = users.session_headers(users.admin())
    response = client.post("/api/billing/admin/reconcile/", headers=admin)
    assert response.status_code == 503
    assert response.get_json()["error"] == "billing_not_configured"


def test_the_cli_runs_a_reconciliation(stripe_on, app, users):
    stripe_subscription(users.create(), premium_plan())
    result = app.test_cli_runner().invoke(args=["billing", "reconcile"])
    assert result.exit_code == 0, result.output
    assert "done" in result.output and "subscription" in result.output


@pytest.mark.skipif(not REDIS_URL, reason="scheduling needs Redis (embedded: use the CLI)")
def test_one_reconciliation_chain_is_scheduled_however_often_workers_start(app):
    from watchparty.billing import tasks as billing

    first = billing.ensure_scheduled()
    assert first and billing.ensure_scheduled() is None
    scheduled = jobs.queue("billing").scheduled_job_registry.get_job_ids()
    assert scheduled == [first]


@pytest.mark.skipif(not REDIS_URL, reason="scheduling needs Redis (embedded: use the CLI)")
def test_a_reconciliation_job_schedules_the_next_one(stripe_on, app, monkeypatch):
    from watchparty.billing import tasks as billing

    monkeypatch.setitem(app.config, "RECONCILE_INTERVAL_SECONDS", 120)
    run_id = billing.reconcile()
    assert db.session.get(ReconciliationRun, uuid.UUID(run_id)).status == "done"
    scheduled = jobs.queue("billing").scheduled_job_registry.get_job_ids()
    assert len(scheduled) == 1 and billing.chain_alive()
