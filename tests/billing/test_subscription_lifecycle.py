"""A subscription's life: usage on GET, cancel at period end and resume, cancel now; and
`stripe_sync.upsert_subscription`, the one way Stripe's view becomes the local row."""

import time
from datetime import timedelta

import pytest

from tests.billing.test_subscribe import subscribe
from tests.helpers import assert_error
from watchparty.billing import plans, stripe_sync
from watchparty.billing.models import Subscription
from watchparty.billing.stripe_api import client as stripe_client
from watchparty.billing.usage import month_start
from watchparty.extensions import db
from watchparty.users.models import User
from watchparty.videos.models import Video

GB = 1024**3


@pytest.fixture(autouse=True)
def _billing(stripe_on):
    """Every test here runs against a fresh localstripe."""


def premium_user(client, headers) -> dict:
    response = subscribe(client, headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["subscription"]


def is_premium(user_id) -> bool:
    db.session.expire_all()
    return db.session.get(User, user_id).is_premium


def test_cancel_at_period_end_keeps_premium_until_then_and_resume_undoes_it(client, me):
    user, headers = me
    stripe_id = premium_user(client, headers)["stripe_subscription_id"]
    response = client.post(
        "/api/billing/subscription/cancel/", json={"reason": "too_expensive"}, headers=headers
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["success"] is True and body["message"]
    assert body["subscription"]["cancel_at_period_end"] is True
    assert body["subscription"]["status"] == "active"
    assert body["subscription"]["cancel_reason"] == "too_expensive"
    assert stripe_client().subscriptions.retrieve(stripe_id).cancel_at_period_end in (True, "true")
    assert is_premium(user.id)
    detail = client.get("/api/billing/subscription/", headers=headers).get_json()
    assert detail["next_payment"] is None  # it will not renew
    resumed = client.post("/api/billing/subscription/resume/", headers=headers)
    assert resumed.status_code == 200, resumed.get_json()
    assert resumed.get_json()["subscription"]["cancel_at_period_end"] is False
    assert stripe_client().subscriptions.retrieve(stripe_id).cancel_at_period_end in (
        False,
        "false",
    )
    assert_error(client.post("/api/billing/subscription/resume/", headers=headers), 409)
    assert client.get("/api/billing/subscription/", headers=headers).get_json()["next_payment"]


def test_cancel_now_ends_the_subscription_and_premium(client, me):
    user, headers = me
    stripe_id = premium_user(client, headers)["stripe_subscription_id"]
    response = client.post(
        "/api/billing/subscription/cancel/", json={"cancel_at_period_end": False}, headers=headers
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["subscription"]["status"] == "canceled"
    assert stripe_client().subscriptions.retrieve(stripe_id).status == "canceled"
    assert not is_premium(user.id)
    assert db.session.get(User, user.id).subscription_expires is None
    detail = client.get("/api/billing/subscription/", headers=headers).get_json()
    assert detail["subscription"] is None and detail["next_payment"] is None
    assert_error(client.post("/api/billing/subscription/resume/", headers=headers), 409)
    assert_error(client.post("/api/billing/subscription/cancel/", json={}, headers=headers), 404)


def test_cancel_or_resume_without_a_subscription_is_404(client, me):
    _, headers = me
    assert_error(client.post("/api/billing/subscription/cancel/", json={}, headers=headers), 404)
    assert_error(client.post("/api/billing/subscription/resume/", headers=headers), 404)


@pytest.mark.parametrize(
    "body", [{"cancel_at_period_end": "soon"}, {"reason": "x" * 101}, {"reason": 5}]
)
def test_bad_cancel_bodies_are_400(client, me, body):
    _, headers = me
    premium_user(client, headers)
    response = client.post("/api/billing/subscription/cancel/", json=body, headers=headers)
    assert_error(response, 400)
    assert (
        client.get("/api/billing/subscription/", headers=headers).get_json()["subscription"][
            "cancel_at_period_end"
        ]
        is False
    )


def test_the_subscription_shows_this_months_usage_against_the_plan(client, me):
    user, headers = me
    last_month = month_start() - timedelta(days=2)
    for size, created in ((GB, None), (GB // 5, None), (GB // 10, last_month)):
        video = Video(owner_id=user.id, title="v", file_size=size)
        if created:
            video.created_at = created
        db.session.add(video)
    db.session.commit()
    for title in ("one", "two"):
        assert (
            client.post("/api/parties/", json={"title": title}, headers=headers).status_code == 201
        )
    body = client.get("/api/billing/subscription/", headers=headers).get_json()
    assert body["subscription"] is None and body["next_payment"] is None
    usage = body["usage"]
    assert usage["plan"] == "free"
    assert usage["storage_used_bytes"] == GB + GB // 5 + GB // 10
    assert usage["storage_used"] == "1.3 GB" and usage["storage_limit"] == "2 GB"
    assert usage["videos_uploaded_this_month"] == 2 and usage["videos_per_month"] == 5
    assert usage["parties_hosted_this_month"] == 2 and usage["parties_per_month"] == 10
    subscription = premium_user(client, headers)
    body = client.get("/api/billing/subscription/", headers=headers).get_json()
    assert body["subscription"]["id"] == subscription["id"]
    assert body["usage"]["plan"] == "premium" and body["usage"]["videos_per_month"] is None
    assert body["usage"]["storage_limit"] == "200 GB"
    assert body["next_payment"]["amount"] == 9.99
    assert body["next_payment"]["payment_method"].startswith("pm_")


def _stripe_subscription(user, plan_id="premium"):
    """A Stripe subscription created straight at Stripe (as the dashboard would)."""
    from tests.billing.test_subscribe import card
    from watchparty.billing import customers

    plan = plans.get_plan(plan_id)
    plans.sync_plan(plan)
    customers.attach_payment_method(user, card(), make_default=True)
    params = {
        "customer": customers.ensure_customer(user),
        "items": [{"plan": plan.stripe_plan_id}],
    }
    return stripe_client().subscriptions.create(params=params)


def test_upsert_finds_the_user_by_customer_and_is_idempotent(users):
    user = users.create()
    remote = _stripe_subscription(user)
    first = stripe_sync.upsert_subscription(remote)
    again = stripe_sync.upsert_subscription(remote.to_dict())
    assert first is not None and again.id == first.id
    assert db.session.query(Subscription).count() == 1
    assert first.user_id == user.id and first.plan_id == "premium" and first.status == "active"
    assert is_premium(user.id)


def test_upsert_ignores_news_older_than_the_row(users):
    user = users.create()
    data = _stripe_subscription(user).to_dict()
    now = int(time.time())
    stripe_sync.upsert_subscription(data, as_of=now)
    stale = data | {"status": "canceled"}
    row = stripe_sync.upsert_subscription(stale, as_of=now - 60)
    assert row.status == "active" and is_premium(user.id)
    row = stripe_sync.upsert_subscription(stale, as_of=now + 60)
    assert row.status == "canceled" and not is_premium(user.id)


def test_upsert_skips_creator_subscriptions_unknown_customers_and_junk(users):
    user = users.create()
    data = _stripe_subscription(user).to_dict()
    assert stripe_sync.upsert_subscription(data | {"metadata": {"kind": "creator"}}) is None
    stranger = data | {"id": "sub_other", "customer": "cus_nobody", "metadata": {}}
    assert stripe_sync.upsert_subscription(stranger) is None
    assert stripe_sync.upsert_subscription({}) is None
    assert stripe_sync.upsert_subscription({"id": "sub_x", "items": None}) is None
    assert db.session.query(Subscription).count() == 0
