"""Creator fixtures: the billing fixtures (localstripe) and creators made over REST."""

from types import SimpleNamespace

import pytest

from tests.billing.conftest import localstripe, stripe_on, stripe_webhooks  # noqa: F401
from watchparty.billing.stripe_api import client

VISA, DECLINED_LATER, THREE_D = "4242424242424242", "4000000000000341", "4000002500003155"


def card(number: str = VISA) -> str:
    """A fresh Stripe PaymentMethod id for a test card number."""
    params = {
        "type": "card",
        "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"},
    }
    return client().payment_methods.create(params=params).id


@pytest.fixture
def creators(client, users):
    """Make a creator over REST: `creators(price="9.99", first_name=...)`."""

    def make(price: str | None = "9.99", **fields) -> SimpleNamespace:
        user = users.create(**fields)
        headers = users.session_headers(user)
        body = {"bio": f"{user.first_name} makes films"}
        if price is not None:
            body["subscription_price"] = price
        response = client.post("/api/creators/", json=body, headers=headers)
        assert response.status_code == 201, response.get_json()
        return SimpleNamespace(user=user, id=str(user.id), headers=headers)

    return make


@pytest.fixture
def fan(users):
    """A signed-in user who pays: (user, headers)."""
    user = users.create(first_name="Fan", last_name="Fare")
    return SimpleNamespace(user=user, id=str(user.id), headers=users.session_headers(user))
