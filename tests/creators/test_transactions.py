"""The caller's transactions: tips and creator subscriptions, newest first, by kind."""

from tests.creators.conftest import card
from tests.helpers import assert_error


def test_transactions_list_tips_and_subscriptions_and_filter_by_kind(
    client, stripe_on, creators, fan
):
    creator = creators(price="9.99")
    tip = {"creator_id": creator.id, "amount": "3.50", "payment_method_id": card()}
    assert client.post("/api/payments/tips/", json=tip, headers=fan.headers).status_code == 201
    sub = client.post(
        f"/api/creators/{creator.id}/subscribe/",
        json={"payment_method_id": card()},
        headers=fan.headers,
    )
    assert sub.status_code == 201, sub.get_json()
    body = client.get("/api/payments/transactions/", headers=fan.headers).get_json()
    assert body["count"] == 2
    assert [t["kind"] for t in body["results"]] == ["creator_subscription", "tip"]
    tip_row = body["results"][1]
    assert tip_row["amount"] == 3.5 and tip_row["currency"] == "usd"
    assert tip_row["status"] == "succeeded" and tip_row["counterparty"]["id"] == creator.id
    only = client.get("/api/payments/transactions/?kind=tip", headers=fan.headers).get_json()
    assert [t["kind"] for t in only["results"]] == ["tip"]
    theirs = client.get("/api/payments/transactions/", headers=creator.headers).get_json()
    assert theirs["count"] == 0


def test_transactions_need_auth_and_a_known_kind(client, me):
    _, headers = me
    assert_error(client.get("/api/payments/transactions/"), 401)
    assert_error(client.get("/api/payments/transactions/?kind=gift", headers=headers), 400)
