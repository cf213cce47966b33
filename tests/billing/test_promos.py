"""Promo codes: staff create them with a Stripe coupon; anyone signed in checks them."""

import threading
from datetime import timedelta

import pytest

from watchparty.billing import promos
from watchparty.billing.models import PromoCode
from watchparty.billing.stripe_api import client as stripe_client
from watchparty.common.types import iso, utcnow
from watchparty.errors import ValidationError
from watchparty.extensions import db

CODES = "/api/billing/promo-codes/"
VALIDATE = "/api/billing/promo-code/validate/"


@pytest.fixture
def staff(users):
    return users.session_headers(users.admin())


def make(client, headers, **body):
    return client.post(CODES, json={"code": "save20", "percent_off": 20} | body, headers=headers)


def check(client, headers, code: str) -> dict:
    response = client.post(VALIDATE, json={"promo_code": code}, headers=headers)
    assert response.status_code == 200
    return response.get_json()


def test_staff_create_a_code_backed_by_a_stripe_coupon(stripe_on, client, staff, me):
    expires = iso(utcnow() + timedelta(days=30))
    response = make(client, staff, expires_at=expires, max_redemptions=5)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["code"] == "SAVE20" and body["percent_off"] == 20 and body["times_redeemed"] == 0
    coupon = stripe_client().coupons.retrieve(body["stripe_coupon_id"])
    assert coupon.percent_off == 20 and coupon.duration == "once"
    _, headers = me
    valid = check(client, headers, "Save20")  # any case
    assert valid["valid"] is True and valid["discount_percent"] == 20
    assert valid["expires_at"] == expires and valid["code"] == "SAVE20"
    listed = client.get(CODES, headers=staff).get_json()
    assert [c["code"] for c in listed["results"]] == ["SAVE20"]


def test_an_amount_off_code_shows_money_and_stores_minor_units(stripe_on, client, staff, me):
    body = make(
        client, staff, code="FIVE", percent_off=None, amount_off="5.50", currency="USD"
    ).get_json()
    assert body["amount_off"] == 5.5 and body["currency"] == "USD"
    assert db.session.get(PromoCode, "FIVE").amount_off == 550
    assert stripe_client().coupons.retrieve("FIVE").amount_off == 550
    valid = check(client, me[1], "five")
    assert valid["amount_off"] == 5.5 and valid["discount_percent"] is None


def test_repeating_codes_need_months_and_reach_stripe(stripe_on, client, staff):
    assert make(client, staff, duration="repeating").status_code == 400
    response = make(client, staff, duration="repeating", duration_in_months=3)
    assert response.status_code == 201
    assert stripe_client().coupons.retrieve("SAVE20").duration_in_months == 3


@pytest.mark.parametrize(
    "body, field",
    [
        ({"code": "x"}, "code"),
        ({"code": "no spaces"}, "code"),
        ({"percent_off": 0}, "percent_off"),
        ({"percent_off": 101}, "percent_off"),
        ({"amount_off": 5}, "percent_off"),  # both kinds
        ({"percent_off": None, "amount_off": 5}, "currency"),
        ({"percent_off": None, "amount_off": "5.001", "currency": "usd"}, "amount_off"),
        ({"duration": "weekly"}, "duration"),
        ({"expires_at": "2001-01-01T00:00:00Z"}, "expires_at"),
        ({"max_redemptions": 0}, "max_redemptions"),
    ],
)
def test_invalid_codes_are_400_and_nothing_is_created(stripe_on, client, staff, body, field):
    response = make(client, staff, **body)
    assert response.status_code == 400
    assert field in response.get_json()["errors"]
    assert db.session.scalar(db.select(db.func.count()).select_from(PromoCode)) == 0
    assert list(stripe_client().coupons.list().data) == []


def test_a_duplicate_code_is_409(stripe_on, client, staff):
    make(client, staff)
    response = make(client, staff, code="Save20")
    assert response.status_code == 409 and response.get_json()["error"] == "promo_code_exists"


def test_only_staff_manage_codes(stripe_on, client, me):
    _, headers = me
    assert make(client, headers).status_code == 403
    assert client.get(CODES, headers=headers).status_code == 403
    assert db.session.get(PromoCode, "SAVE20") is None


def test_unknown_expired_inactive_and_used_up_codes_are_not_valid(stripe_on, client, me):
    past = utcnow() - timedelta(days=1)
    db.session.add_all(
        [
            PromoCode(code="OLD", percent_off=10, expires_at=past),
            PromoCode(code="OFF", percent_off=10, is_active=False),
            PromoCode(code="GONE", percent_off=10, max_redemptions=2, times_redeemed=2),
        ]
    )
    db.session.commit()
    _, headers = me
    reasons = {code: check(client, headers, code) for code in ("NOPE", "OLD", "OFF", "GONE")}
    assert all(r["valid"] is False for r in reasons.values())
    assert "does not exist" in reasons["NOPE"]["reason"]
    assert "expired" in reasons["OLD"]["reason"]
    assert "no longer active" in reasons["OFF"]["reason"]
    assert "used up" in reasons["GONE"]["reason"]
    with pytest.raises(ValidationError) as raised:
        promos.redeemable("gone")
    assert raised.value.code == "invalid_promo_code" and raised.value.status == 400


def test_redemptions_never_exceed_the_limit_even_at_once(stripe_on, app):
    db.session.add(PromoCode(code="LIMITED", percent_off=10, max_redemptions=3))
    db.session.commit()
    results = []

    def redeem():
        with app.app_context():
            results.append(promos.record_redemption("limited"))
            db.session.remove()

    threads = [threading.Thread(target=redeem) for _ in range(6)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sorted(results) == [False, False, False, True, True, True]
    db.session.expire_all()
    assert db.session.get(PromoCode, "LIMITED").times_redeemed == 3
    assert promos.record_redemption("LIMITED") is False


def test_validation_input_is_checked(stripe_on, client, me):
    response = client.post(VALIDATE, json={}, headers=me[1])
    assert response.status_code == 400 and "promo_code" in response.get_json()["errors"]


def test_without_keys_promo_endpoints_are_503(client, me, users):
    staff = users.session_headers(users.admin())
    for response in (
        client.post(VALIDATE, json={"promo_code": "SAVE20"}, headers=me[1]),
        make(client, staff),
        client.get(CODES, headers=staff),
    ):
        assert response.status_code == 503
        assert response.get_json()["error"] == "billing_not_configured"
