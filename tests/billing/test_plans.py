"""Platform plans: listed from the database without Stripe keys, synced to Stripe idempotently."""

import pytest

from watchparty.billing import plans
from watchparty.billing.models import Plan
from watchparty.billing.stripe_api import client
from watchparty.extensions import db


def test_plans_list_without_stripe_keys_with_prices_features_and_limits(app, client):
    assert not app.config.get("STRIPE_SECRET_KEY")
    response = client.get("/api/billing/plans/")
    assert response.status_code == 200, response.get_json()
    listed = {plan["id"]: plan for plan in response.get_json()["plans"]}
    assert list(listed) == ["free", "basic", "premium"]
    premium = listed["premium"]
    assert premium["price"] == 9.99 and premium["amount"] == 999
    assert premium["currency"] == "USD" and premium["interval"] == "month"
    assert premium["is_premium"] is True and premium["features"]
    assert listed["free"]["price"] == 0 and listed["free"]["limits"]["videos_per_month"] == 5
    assert listed["basic"]["price"] == 4.99 and listed["basic"]["is_premium"] is False


def test_plans_list_the_database_rows_and_keep_admin_edits(client, auth, users):
    plans.ensure_catalogue()
    basic = db.session.get(Plan, "basic")
    basic.features, basic.amount = ["Edited"], 599
    db.session.get(Plan, "free").is_active = False
    db.session.commit()
    body = client.get("/api/billing/plans/", headers=auth(users.create())).get_json()
    listed = {plan["id"]: plan for plan in body["plans"]}
    assert "free" not in listed
    assert listed["basic"]["features"] == ["Edited"] and listed["basic"]["price"] == 5.99
    plans.ensure_catalogue(overwrite=True)
    assert db.session.get(Plan, "basic").amount == 499


def test_sync_plans_creates_products_and_plans_once(stripe_on):
    changes = plans.sync_plans()
    assert any("basic" in change for change in changes)
    premium = db.session.get(Plan, "premium")
    remote = client().plans.retrieve(premium.stripe_plan_id)
    assert (remote.amount, remote.currency, remote.interval) == (999, "usd", "month")
    assert remote.product == premium.stripe_product_id and remote.active
    assert db.session.get(Plan, "free").stripe_plan_id is None  # free plans never reach Stripe
    assert plans.sync_plans() == []
    assert len(client().plans.list().data) == 2


def test_a_new_price_gets_a_new_stripe_plan_and_retires_the_old(stripe_on):
    plans.sync_plans()
    premium = db.session.get(Plan, "premium")
    old = premium.stripe_plan_id
    premium.amount = 1299
    db.session.commit()
    assert any("repriced premium" in change for change in plans.sync_plans())
    premium = db.session.get(Plan, "premium")
    assert premium.stripe_plan_id != old
    assert client().plans.retrieve(premium.stripe_plan_id).amount == 1299
    # localstripe echoes an updated boolean as the string it was sent
    assert client().plans.retrieve(old).active in (False, "false")
    assert plans.sync_plans() == []


def test_the_cli_syncs_plans_and_a_second_run_changes_nothing(app, stripe_on):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["billing", "sync-plans"])
    assert first.exit_code == 0, first.output
    assert "created Stripe plan" in first.output
    second = runner.invoke(args=["billing", "sync-plans"])
    assert second.exit_code == 0 and "0 change(s)" in second.output


@pytest.mark.parametrize("reset", [False, True])
def test_the_cli_reset_flag_restores_catalogue_prices(app, stripe_on, reset):
    plans.ensure_catalogue()
    db.session.get(Plan, "premium").amount = 1999
    db.session.commit()
    args = ["billing", "sync-plans"] + (["--reset"] if reset else [])
    assert app.test_cli_runner().invoke(args=args).exit_code == 0
    db.session.expire_all()
    premium = db.session.get(Plan, "premium")
    assert premium.amount == (999 if reset else 1999)
    assert client().plans.retrieve(premium.stripe_plan_id).amount == premium.amount
