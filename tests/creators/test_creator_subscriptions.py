"""Subscribing to creators through localstripe: prices, plans, tiers, counts, cancel, status."""

from tests.creators.conftest import DECLINED_LATER, THREE_D, card
from tests.helpers import assert_error
from watchparty.billing.models import Payment
from watchparty.billing.stripe_api import client as stripe_client
from watchparty.creators.models import CreatorProfile, CreatorSubscription
from watchparty.extensions import db


def _subscribe(client, creator, fan, **body):
    body.setdefault("payment_method_id", card())
    return client.post(f"/api/creators/{creator.id}/subscribe/", json=body, headers=fan.headers)


def _count(creator) -> int:
    db.session.expire_all()
    return db.session.get(CreatorProfile, creator.user.id).subscriber_count


def test_subscribe_is_201_counts_one_and_records_the_invoice(client, stripe_on, creators, fan):
    creator = creators(price="9.99")
    response = _subscribe(client, creator, fan)
    body = response.get_json()
    assert response.status_code == 201, body
    assert body["message"] == "success" and body["status"] == "active"
    assert body["subscription_id"].startswith("sub_") and body["current_period_end"]
    assert _count(creator) == 1
    stripe_sub = stripe_client().subscriptions.retrieve(body["subscription_id"])
    assert stripe_sub.metadata["creator_id"] == creator.id
    assert stripe_sub.metadata["subscriber_id"] == fan.id
    payment = db.session.scalar(db.select(Payment).where(Payment.user_id == fan.user.id))
    assert payment.kind == "creator_subscription" and payment.amount == 999


def test_price_change_makes_a_new_plan_and_subscribers_keep_theirs(
    client, stripe_on, creators, fan
):
    creator = creators(price="9.99")
    old_plan = db.session.get(CreatorProfile, creator.user.id).stripe_plan_id
    _subscribe(client, creator, fan)
    response = client.post("/api/creators/me/price/", json={"price": 12.5}, headers=creator.headers)
    body = response.get_json()
    assert response.status_code == 200 and body["new_price"] == 12.5
    assert body["stripe_price_id"] != old_plan
    assert stripe_client().plans.retrieve(body["stripe_price_id"]).amount == 1250
    row = db.session.scalar(db.select(CreatorSubscription))
    assert (row.stripe_plan_id, row.amount) == (old_plan, 999)
    stripe_sub = stripe_client().subscriptions.retrieve(row.stripe_subscription_id)
    assert stripe_sub["items"].data[0].plan.id == old_plan


def test_bad_prices_are_400(client, stripe_on, creators):
    creator = creators(price=None)
    for price in (0, -1, "1.234", "abc", None):
        response = client.post(
            "/api/creators/me/price/", json={"price": price}, headers=creator.headers
        )
        assert_error(response, 400)


def test_declined_card_is_402_and_stores_nothing(client, stripe_on, creators, fan):
    creator = creators(price="9.99")
    response = _subscribe(client, creator, fan, payment_method_id=card(DECLINED_LATER))
    assert_error(response, 402, "payment_failed")
    assert _count(creator) == 0
    assert db.session.scalar(db.select(db.func.count()).select_from(CreatorSubscription)) == 0
    live = stripe_client().subscriptions.list()
    assert all(s.status != "active" for s in live.data)


def test_three_d_secure_answers_requires_action_without_counting(client, stripe_on, creators, fan):
    creator = creators(price="9.99")
    response = _subscribe(client, creator, fan, payment_method_id=card(THREE_D))
    body = response.get_json()
    assert response.status_code == 202 and body["requires_action"] is True
    assert "_secret_" in body["client_secret"]
    assert _count(creator) == 0


def test_already_subscribed_409_self_400_unknown_404_no_price_400(
    client, stripe_on, creators, fan, users
):
    creator = creators(price="9.99")
    assert _subscribe(client, creator, fan).status_code == 201
    assert_error(_subscribe(client, creator, fan), 409, "already_subscribed")
    me = client.post(f"/api/creators/{creator.id}/subscribe/", json={}, headers=creator.headers)
    assert_error(me, 400, "self_subscription")
    nobody = users.create()
    assert_error(
        client.post(f"/api/creators/{nobody.id}/subscribe/", json={}, headers=fan.headers), 404
    )
    free = creators(price=None)
    assert_error(_subscribe(client, free, fan), 400, "no_subscription_price")
    priced = creators(price="3.00")
    no_card = client.post(f"/api/creators/{priced.id}/subscribe/", json={}, headers=creator.headers)
    assert_error(no_card, 400, "payment_method_required")
    assert _count(creator) == 1


def test_unsubscribe_returns_the_end_date_and_status_follows(client, stripe_on, creators, fan):
    creator = creators(price="9.99")
    url = f"/api/creators/{creator.id}"
    before = client.get(f"{url}/subscription-status/", headers=fan.headers).get_json()
    assert before["is_subscribed"] is False and before["status"] is None
    assert_error(client.post(f"{url}/unsubscribe/", headers=fan.headers), 400, "not_subscribed")
    end = _subscribe(client, creator, fan).get_json()["current_period_end"]
    response = client.post(f"{url}/unsubscribe/", headers=fan.headers)
    body = response.get_json()
    assert response.status_code == 200 and body["end_date"] == end
    assert body["message"].startswith("Successfully unsubscribed from ")
    status = client.get(f"{url}/subscription-status/", headers=fan.headers).get_json()
    assert status["is_subscribed"] is True and status["cancel_at_period_end"] is True
    assert status["creator_name"] == creator.user.full_name
    assert (
        stripe_client()
        .subscriptions.retrieve(
            db.session.scalar(db.select(CreatorSubscription)).stripe_subscription_id
        )
        .cancel_at_period_end
    )


def test_subscribed_and_subscribers_lists(client, stripe_on, creators, fan):
    one, two = creators(price="1.00"), creators(price="2.00")
    _subscribe(client, one, fan)
    mine = client.get("/api/creators/subscribed/", headers=fan.headers).get_json()
    assert [c["user_id"] for c in mine["results"]] == [one.id]
    subs = client.get("/api/creators/me/subscribers/", headers=one.headers).get_json()
    assert subs["count"] == 1 and subs["results"][0]["user"]["id"] == fan.id
    assert subs["results"][0]["amount"] == 1.0
    empty = client.get("/api/creators/me/subscribers/", headers=two.headers).get_json()
    assert empty["count"] == 0


def test_tiers_have_their_own_plans_and_can_be_subscribed(client, stripe_on, creators, fan):
    creator = creators(price=None)
    body = {"name": "Gold", "description": "d", "price": "20.00", "benefits": ["early"]}
    created = client.post("/api/creators/me/tiers/", json=body, headers=creator.headers)
    tier = created.get_json()
    assert created.status_code == 201 and tier["price"] == 20.0
    assert stripe_client().plans.retrieve(tier["stripe_price_id"]).amount == 2000
    url = f"/api/creators/me/tiers/{tier['id']}/"
    patched = client.patch(url, json={"price": 25}, headers=creator.headers).get_json()
    assert patched["price"] == 25.0 and patched["stripe_price_id"] != tier["stripe_price_id"]
    assert_error(client.post("/api/creators/me/tiers/", json={}, headers=creator.headers), 400)
    public = client.get(f"/api/creators/{creator.id}/").get_json()
    assert [t["name"] for t in public["tiers"]] == ["Gold"]
    response = _subscribe(client, creator, fan, tier_id=tier["id"])
    assert response.status_code == 201, response.get_json()
    row = db.session.scalar(db.select(CreatorSubscription))
    assert str(row.tier_id) == tier["id"] and row.amount == 2500
    assert client.delete(url, headers=creator.headers).status_code == 204
    assert client.get("/api/creators/me/tiers/", headers=creator.headers).get_json() == []
