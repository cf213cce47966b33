"""Subscribing to a platform plan: localstripe through the real SDK; success, 3-D Secure,
declines that leave nothing behind, and clear 4xx for bad input."""

import uuid

import pytest
import requests
from flask import current_app
from sqlalchemy import func, select

from tests.helpers import assert_error
from watchparty.billing import stripe_sync
from watchparty.billing.models import Plan, PromoCode, Subscription
from watchparty.billing.stripe_api import client as stripe_client
from watchparty.extensions import db
from watchparty.users.models import User

VISA = "4242424242424242"
DECLINED = "4000000000000002"  # refused when attached
DECLINED_ON_CHARGE = "4000000000000341"  # attaches, then the first charge fails
THREE_D_SECURE = "4000002500003155"  # the payment needs authentication


def card(number: str = VISA) -> str:
    """A new Stripe PaymentMethod id for a test card."""
    params = {
        "type": "card",
        "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"},
    }
    return stripe_client().payment_methods.create(params=params).id


def subscribe(http, headers, plan_id: str = "premium", number: str = VISA, **extra):
    """POST /api/billing/subscribe/ with a fresh card."""
    body = {"plan_id": plan_id, "payment_method_id": card(number), **extra}
    return http.post("/api/billing/subscribe/", json=body, headers=headers)


@pytest.fixture(autouse=True)
def _billing(stripe_on):
    """Every test here runs against a fresh localstripe."""


def client_sub(stripe_id: str):
    """The subscription as Stripe holds it."""
    return stripe_client().subscriptions.retrieve(stripe_id)


def stripe_on_url() -> str:
    """localstripe's base URL (the app's STRIPE_API_BASE)."""
    return current_app.config["STRIPE_API_BASE"]


def local_rows(user_id) -> int:
    return db.session.scalar(
        select(func.count(Subscription.id)).where(Subscription.user_id == user_id)
    )


def test_subscribing_makes_an_active_subscription_and_a_premium_user(client, me):
    user, headers = me
    response = subscribe(client, headers)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["success"] is True
    subscription = body["subscription"]
    assert subscription["status"] == "active" and subscription["plan"] == "premium"
    assert subscription["stripe_subscription_id"].startswith("sub_")
    assert body["next_payment"]["amount"] == 9.99
    assert body["next_payment"]["date"] == subscription["current_period_end"]
    assert db.session.get(Plan, "premium").stripe_plan_id  # synced on first use
    db.session.expire_all()
    stored = db.session.get(User, user.id)
    assert stored.is_premium and stored.is_subscription_active
    assert stored.subscription_expires is not None
    profile = client.get("/api/users/profile/", headers=headers).get_json()
    assert profile["is_premium"] is True and profile["is_subscription_active"] is True
    remote = client_sub(subscription["stripe_subscription_id"])
    assert remote.metadata["kind"] == "platform" and remote.metadata["user_id"] == str(user.id)


def test_a_basic_plan_subscription_is_active_but_not_premium(client, me):
    user, headers = me
    response = subscribe(client, headers, plan_id="basic")
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["subscription"]["price"] == 4.99
    db.session.expire_all()
    assert db.session.get(User, user.id).is_premium is False


def test_a_card_declined_on_attach_is_402_and_keeps_nothing(client, me):
    user, headers = me
    assert_error(subscribe(client, headers, number=DECLINED), 402, "payment_failed")
    assert local_rows(user.id) == 0
    db.session.expire_all()
    assert db.session.get(User, user.id).is_premium is False


def test_a_card_declined_when_charged_is_402_and_stripe_keeps_no_live_subscription(client, me):
    user, headers = me
    assert_error(subscribe(client, headers, number=DECLINED_ON_CHARGE), 402, "payment_failed")
    assert local_rows(user.id) == 0
    db.session.expire_all()
    assert db.session.get(User, user.id).is_premium is False
    attempts = stripe_client().subscriptions.list(params={"status": "all"}).data
    assert attempts and {attempt.status for attempt in attempts} == {"canceled"}


def test_a_3d_secure_card_answers_requires_action_then_authentication_activates(client, me):
    user, headers = me
    response = subscribe(client, headers, number=THREE_D_SECURE)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["success"] is False and body["requires_action"] is True
    assert body["client_secret"].startswith(body["payment_intent_id"] + "_secret_")
    assert body["subscription"]["status"] == "incomplete"
    db.session.expire_all()
    assert db.session.get(User, user.id).is_premium is False
    # The browser completes the challenge (localstripe's stand-in for Stripe.js).
    done = requests.post(
        f"{stripe_on_url()}/v1/payment_intents/{body['payment_intent_id']}/_authenticate",
        data={"client_secret": body["client_secret"], "success": "true"},
        auth=(current_app.config["STRIPE_SECRET_KEY"], ""),
        timeout=5,
    )
    assert done.status_code == 200, done.text
    stripe_id = body["subscription"]["stripe_subscription_id"]
    row = stripe_sync.upsert_subscription(client_sub(stripe_id))
    assert row.status == "active"
    assert db.session.get(User, user.id).is_premium is True


def test_a_second_subscription_is_409(client, me):
    _, headers = me
    assert subscribe(client, headers).status_code == 201
    assert_error(subscribe(client, headers, plan_id="basic"), 409, "already_subscribed")


@pytest.mark.parametrize("plan_id", ["free", "gold"])
def test_a_free_or_unknown_plan_is_400(client, me, plan_id):
    user, headers = me
    body = assert_error(subscribe(client, headers, plan_id=plan_id), 400)
    assert "plan_id" in body["errors"]
    assert local_rows(user.id) == 0


@pytest.mark.parametrize(
    "body, field",
    [
        ({"payment_method_id": "pm_123"}, "plan_id"),
        ({"plan_id": "premium"}, "payment_method_id"),
        ({"plan_id": "premium", "payment_method_id": "tok_visa"}, "payment_method_id"),
        ({"plan_id": 7, "payment_method_id": "pm_123"}, "plan_id"),
        ({"plan_id": "premium", "payment_method_id": "pm_1", "promo_code": 5}, "promo_code"),
    ],
)
def test_bad_subscribe_bodies_are_400(client, me, body, field):
    _, headers = me
    error = assert_error(client.post("/api/billing/subscribe/", json=body, headers=headers), 400)
    assert field in error["errors"]


def test_an_unknown_card_is_a_clear_400(client, me):
    _, headers = me
    body = {"plan_id": "premium", "payment_method_id": "pm_doesnotexist"}
    assert_error(client.post("/api/billing/subscribe/", json=body, headers=headers), 400)


def test_an_unusable_promo_code_is_400_and_creates_nothing(client, me):
    user, headers = me
    db.session.add(PromoCode(code="OLD", percent_off=20, is_active=False))
    db.session.commit()
    for code in ("NOPE", "old"):
        error = assert_error(subscribe(client, headers, promo_code=code), 400)
        assert "promo_code" in error["errors"]
    assert local_rows(user.id) == 0
    assert stripe_client().subscriptions.list().data == []


def test_subscribing_needs_a_signed_in_user(client):
    body = {"plan_id": "premium", "payment_method_id": "pm_123"}
    assert_error(client.post("/api/billing/subscribe/", json=body), 401)


def test_a_subscription_row_belongs_to_its_user(client, me, users):
    user, headers = me
    body = subscribe(client, headers).get_json()
    row = db.session.get(Subscription, uuid.UUID(body["subscription"]["id"]))
    assert row.user_id == user.id and row.plan_id == "premium"
