"""The billing address: validated, stored here and on the Stripe customer."""

import pytest

from watchparty.billing import customers
from watchparty.billing.stripe_api import client as stripe_client

URL = "/api/billing/address/"
ADDRESS = {
    "line1": "123 Main St",
    "line2": "Apt 4B",
    "city": "New York",
    "state": "NY",
    "postal_code": "10001",
    "country": "us",
}


def test_put_stores_the_address_here_and_on_the_stripe_customer(stripe_on, client, me):
    user, headers = me
    response = client.put(URL, json=ADDRESS, headers=headers)
    assert response.status_code == 200, response.get_json()
    assert response.get_json() == ADDRESS | {"country": "US"}
    assert client.get(URL, headers=headers).get_json() == ADDRESS | {"country": "US"}
    customer = stripe_client().customers.retrieve(customers.account_of(user.id).stripe_customer_id)
    assert customer.address.city == "New York" and customer.address.country == "US"


def test_optional_parts_left_out_are_cleared(stripe_on, client, me):
    user, headers = me
    client.put(URL, json=ADDRESS, headers=headers)
    short = {k: ADDRESS[k] for k in ("line1", "city", "postal_code", "country")}
    body = client.put(URL, json=short, headers=headers).get_json()
    assert body["line2"] is None and body["state"] is None
    customer = stripe_client().customers.retrieve(customers.account_of(user.id).stripe_customer_id)
    assert not customer.address.line2 and not customer.address.state


@pytest.mark.parametrize(
    "change, field",
    [
        ({"country": "USA"}, "country"),
        ({"country": "1A"}, "country"),
        ({"line1": ""}, "line1"),
        ({"line1": "x" * 201}, "line1"),
        ({"postal_code": "9" * 21}, "postal_code"),
        ({"city": None}, "city"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_invalid_addresses_are_400_and_nothing_changes(stripe_on, client, me, change, field):
    user, headers = me
    response = client.put(URL, json=ADDRESS | change, headers=headers)
    assert response.status_code == 400
    assert field in response.get_json()["errors"]
    assert customers.account_of(user.id).address == {}


def test_missing_fields_are_400(stripe_on, client, me):
    _, headers = me
    response = client.put(URL, json={"line1": "1 Road"}, headers=headers)
    assert response.status_code == 400
    assert {"city", "postal_code", "country"} <= set(response.get_json()["errors"])


def test_without_keys_the_address_reads_but_cannot_change(client, me):
    _, headers = me
    body = client.get(URL, headers=headers).get_json()
    assert body == dict.fromkeys(("line1", "line2", "city", "state", "postal_code", "country"))
    response = client.put(URL, json=ADDRESS, headers=headers)
    assert response.status_code == 503 and response.get_json()["error"] == "billing_not_configured"


def test_anonymous_callers_are_401(client):
    assert client.get(URL).status_code == 401
    assert client.put(URL, json=ADDRESS).status_code == 401
