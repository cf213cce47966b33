"""Creator accounts: becoming one, the own profile with stats, public profiles, discovery."""

from sqlalchemy import Integer, inspect

from tests.helpers import assert_error
from watchparty.billing.models import Payment
from watchparty.billing.stripe_api import client as stripe_client
from watchparty.creators.models import CreatorProfile, CreatorSubscription, CreatorTier, Tip
from watchparty.extensions import db
from watchparty.videos.models import Video


def test_becoming_a_creator_without_a_price_works_without_stripe(client, me):
    user, headers = me
    response = client.post("/api/creators/", json={"bio": "Hi"}, headers=headers)
    assert response.status_code == 201
    body = response.get_json()
    assert body["user"]["id"] == str(user.id) and body["subscription_price"] is None
    assert body["subscriber_count"] == 0 and body["is_verified"] is False
    again = client.post("/api/creators/", json={"bio": "Hi"}, headers=headers)
    assert_error(again, 409, "already_a_creator")


def test_becoming_a_creator_with_a_price_creates_a_stripe_plan(client, me, stripe_on):
    _, headers = me
    response = client.post(
        "/api/creators/", json={"bio": "b", "subscription_price": "4.99"}, headers=headers
    )
    body = response.get_json()
    assert response.status_code == 201 and body["subscription_price"] == 4.99
    plan = stripe_client().plans.retrieve(body["subscription_price_id"])
    assert plan.amount == 499 and plan.interval == "month"


def test_bad_input_is_400_and_a_non_creator_has_no_profile(client, me):
    _, headers = me
    bad = client.post("/api/creators/", json={"bio": 5}, headers=headers)
    assert_error(bad, 400)
    assert_error(client.get("/api/creators/me/", headers=headers), 404, "not_a_creator")
    assert_error(client.post("/api/creators/", json={"bio": "x"}), 401)


def test_own_profile_shows_video_totals_and_bio_is_editable(client, me):
    user, headers = me
    client.post("/api/creators/", json={"bio": "old"}, headers=headers)
    for views, likes in ((10, 2), (5, 1)):
        video = Video(owner_id=user.id, title="v", views_count=views, likes_count=likes)
        db.session.add(video)
    db.session.commit()
    body = client.get("/api/creators/me/", headers=headers).get_json()
    assert body["stats"]["total_views"] == 15 and body["stats"]["total_likes"] == 3
    assert body["stats"]["subscribers"] == 0 and body["stats"]["tips_received"] == 0
    patched = client.patch("/api/creators/me/", json={"bio": "new"}, headers=headers)
    assert patched.get_json()["bio"] == "new"


def test_public_profile_search_and_unknown_creator(client, creators, users):
    ada = creators(price=None, first_name="Ada", last_name="Vision")
    creators(price=None, first_name="Bob", last_name="Other")
    body = client.get(f"/api/creators/{ada.id}/").get_json()
    assert body["user"]["name"] == "Ada Vision" and body["tiers"] == []
    found = client.get("/api/creators/?search=vision").get_json()
    assert [c["user_id"] for c in found["results"]] == [ada.id] and found["count"] == 1
    assert client.get("/api/creators/").get_json()["count"] == 2
    outsider = users.create()
    assert_error(client.get(f"/api/creators/{outsider.id}/"), 404, "creator_not_found")


def test_popular_ranks_by_weighted_score(client, creators):
    small = creators(price=None, first_name="Small")
    big = creators(price=None, first_name="Big")
    db.session.add(Video(owner_id=small.user.id, title="v", views_count=30, likes_count=0))
    db.session.add(Video(owner_id=big.user.id, title="v", views_count=10, likes_count=5))
    db.session.get(CreatorProfile, big.user.id).subscriber_count = 2
    db.session.commit()
    results = client.get("/api/creators/popular/").get_json()["results"]
    assert [(c["user_id"], c["weighted_score"]) for c in results] == [
        (big.id, 2 * 10 + 10 + 5 * 3),
        (small.id, 30),
    ]


def test_only_staff_verify_and_only_the_creator_sees_stats(client, creators, users):
    creator = creators(price=None)
    other = users.session_headers(users.create())
    assert_error(client.post(f"/api/creators/{creator.id}/verify/", headers=other), 403)
    admin = users.session_headers(users.admin())
    verified = client.post(f"/api/creators/{creator.id}/verify/", headers=admin)
    assert verified.get_json()["is_verified"] is True
    assert_error(client.get(f"/api/creators/{creator.id}/stats/", headers=other), 403)
    mine = client.get(f"/api/creators/{creator.id}/stats/", headers=creator.headers).get_json()
    assert mine["revenue_this_month"]["total"] == 0 and mine["subscribers"] == 0


def test_stripe_endpoints_answer_503_without_keys(client, creators, fan):
    creator = creators(price=None)
    assert_error(
        client.post("/api/creators/me/price/", json={"price": 5}, headers=creator.headers),
        503,
        "billing_not_configured",
    )
    sub = client.post(f"/api/creators/{creator.id}/subscribe/", json={}, headers=fan.headers)
    assert_error(sub, 503, "billing_not_configured")
    tip = client.post(
        "/api/payments/tips/", json={"creator_id": creator.id, "amount": 5}, headers=fan.headers
    )
    assert_error(tip, 503, "billing_not_configured")


def test_money_columns_are_integers():
    for model, columns in (
        (CreatorProfile, ["subscription_price"]),
        (CreatorTier, ["price"]),
        (CreatorSubscription, ["amount"]),
        (Tip, ["amount"]),
        (Payment, ["amount"]),
    ):
        mapper = inspect(model)
        for name in columns:
            assert isinstance(mapper.columns[name].type, Integer), (model, name)
