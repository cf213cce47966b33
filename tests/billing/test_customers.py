"""A user's Stripe customer is created once; cards attach to it (localstripe, real SDK)."""

import pytest

from watchparty.billing import customers
from watchparty.billing.stripe_api import client
from watchparty.errors import NotFound, Unavailable


def _card(number: str = "4242424242424242"):
    params = {
        "type": "card",
        "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"},
    }
    return client().payment_methods.create(params=params)


def test_the_customer_is_created_once_and_remembered(stripe_on, users):
    user = users.create()
    first = customers.ensure_customer(user)
    assert first.startswith("cus_") and customers.ensure_customer(user) == first
    assert client().customers.retrieve(first).metadata["user_id"] == str(user.id)


def test_a_card_attaches_and_becomes_the_invoice_default(stripe_on, users):
    user = users.create()
    card = _card()
    customers.attach_payment_method(user, card.id, make_default=True)
    customer = client().customers.retrieve(customers.ensure_customer(user))
    assert customer.invoice_settings.default_payment_method == card.id
    assert customers.account_of(user.id).default_payment_method_id == card.id


def test_someone_elses_card_is_not_found(stripe_on, users):
    owner, thief = users.create(), users.create()
    card = _card()
    customers.attach_payment_method(owner, card.id)
    with pytest.raises(NotFound):
        customers.attach_payment_method(thief, card.id)


def test_without_keys_billing_is_not_configured(app, users):
    assert not app.config.get("STRIPE_SECRET_KEY")
    with pytest.raises(Unavailable) as raised:
        customers.ensure_customer(users.create())
    assert raised.value.code == "billing_not_configured"
