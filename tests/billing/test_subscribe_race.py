"""Concurrent subscribe requests from one user make exactly one Stripe subscription."""

from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy import func, select

from tests.billing.test_subscribe import card
from watchparty.billing import customers
from watchparty.billing.models import Subscription
from watchparty.billing.stripe_api import client
from watchparty.extensions import db


def test_six_simultaneous_subscribes_leave_one_subscription(stripe_on, live_server, me):
    user, headers = me
    cards = [card() for _ in range(6)]
    url = f"{live_server.url}/api/billing/subscribe/"

    def post(payment_method_id: str) -> int:
        body = {"plan_id": "premium", "payment_method_id": payment_method_id}
        return requests.post(url, json=body, headers=headers, timeout=60).status_code

    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(post, cards))
    assert statuses.count(201) == 1 and set(statuses) == {201, 409}
    db.session.expire_all()
    rows = select(func.count()).select_from(Subscription).where(Subscription.user_id == user.id)
    assert db.session.scalar(rows) == 1
    customer = customers.account_of(user.id).stripe_customer_id
    remote = client().subscriptions.list(params={"customer": customer})
    assert len([s for s in remote.data if s.status != "canceled"]) == 1
