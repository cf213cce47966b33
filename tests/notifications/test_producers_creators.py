"""Creators hear of money through notifications (localstripe behind the real `stripe` SDK): a
succeeded tip, and a new subscriber once per subscription however often Stripe repeats itself."""

from tests.billing import conftest as billing
from tests.creators import conftest as creator_kit
from tests.creators.conftest import THREE_D, card
from tests.notifications.producer_kit import of_type, only
from watchparty.billing.stripe_api import client as stripe_client
from watchparty.creators import stripe_sync
from watchparty.creators.models import CreatorSubscription
from watchparty.extensions import db

# The billing and creators fixtures (localstripe, a configured app, creators, a paying fan).
localstripe, stripe_on = billing.localstripe, billing.stripe_on
creators, fan = creator_kit.creators, creator_kit.fan


def test_a_succeeded_tip_tells_the_creator_its_amount_and_message(
    client, users, stripe_on, creators, fan
):
    creator = creators(price=None)
    body = {"creator_id": creator.id, "amount": "5.00", "payment_method_id": card()}
    body["message"] = "Great content!"
    response = client.post("/api/payments/tips/", json=body, headers=fan.headers)
    assert response.status_code == 201, response.get_json()
    item = only(client, users, creator.user, "tip_received")
    assert item["title"] == "You received a tip"
    assert item["message"] == "Fan Fare tipped you 5.00 USD: “Great content!”"
    assert item["data"] == {"tip_id": response.get_json()["tip"]["id"], "sender_id": fan.id}
    assert of_type(client, users, fan.user, "tip_received") == []


def _subscribe(client, creator, fan, number=None):
    body = {"payment_method_id": card(number) if number else card()}
    return client.post(f"/api/creators/{creator.id}/subscribe/", json=body, headers=fan.headers)


def test_a_new_subscriber_is_told_once_even_when_stripe_repeats_itself(
    client, users, stripe_on, creators, fan
):
    creator = creators(price="9.99")
    response = _subscribe(client, creator, fan)
    assert response.status_code == 201, response.get_json()
    remote = stripe_client().subscriptions.retrieve(response.get_json()["subscription_id"])
    for _ in range(2):  # webhook replays and reconciliation hand the same news again
        stripe_sync.upsert_creator_subscription(remote)
    item = only(client, users, creator.user, "new_subscriber")
    assert item["message"] == "Fan Fare subscribed (9.99 USD)" and item["count"] == 1
    row = db.session.scalar(db.select(CreatorSubscription))
    assert item["data"] == {"subscription_id": str(row.id), "subscriber_id": fan.id}


def test_a_subscription_counts_when_its_first_payment_lands_and_not_on_a_recovery(
    client, users, stripe_on, creators, fan
):
    creator = creators(price="9.99")
    response = _subscribe(client, creator, fan, THREE_D)
    assert response.status_code == 202, response.get_json()
    assert of_type(client, users, creator.user, "new_subscriber") == []
    remote = stripe_client().subscriptions.retrieve(response.get_json()["subscription_id"])
    news = remote.to_dict()
    for status in ("active", "past_due", "active"):  # paid, then a renewal failed and recovered
        stripe_sync.upsert_creator_subscription(news | {"status": status})
    assert only(client, users, creator.user, "new_subscriber")["count"] == 1
