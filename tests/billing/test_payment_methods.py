"""Cards on the caller's Stripe customer: list, add, show, delete, default (localstripe)."""

from watchparty.billing import customers
from watchparty.billing.models import Plan, Subscription
from watchparty.billing.stripe_api import client as stripe_client
from watchparty.extensions import db

URL = "/api/billing/payment-methods/"
DECLINED = "4000000000000002"


def card(number: str = "4242424242424242") -> str:
    """A fresh Stripe PaymentMethod id, as Stripe.js would hand one to the client."""
    params = {
        "type": "card",
        "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"},
    }
    return stripe_client().payment_methods.create(params=params).id


def add(client_, headers, method_id: str, **extra):
    return client_.post(URL, json={"payment_method_id": method_id, **extra}, headers=headers)


def test_the_first_card_becomes_the_default_and_is_listed(stripe_on, client, me):
    user, headers = me
    first = add(client, headers, card())
    assert first.status_code == 201, first.get_json()
    body = first.get_json()
    assert body["is_default"] is True and body["last4"] == "4242" and body["brand"] == "visa"
    assert body["exp_month"] == 12 and body["exp_year"] == 2034
    second = add(client, headers, card("5555555555554444")).get_json()
    assert second["is_default"] is False
    listed = client.get(URL, headers=headers).get_json()
    assert listed["default_payment_method"] == body["id"]
    assert {m["id"] for m in listed["payment_methods"]} == {body["id"], second["id"]}
    assert [m["is_default"] for m in listed["payment_methods"] if m["id"] == second["id"]] == [
        False
    ]


def test_an_empty_account_lists_no_cards_without_making_a_customer(stripe_on, client, me):
    user, headers = me
    body = client.get(URL, headers=headers).get_json()
    assert body == {"payment_methods": [], "default_payment_method": None}
    assert customers.account_of(user.id).stripe_customer_id is None


def test_set_default_moves_the_default_on_stripe_too(stripe_on, client, me):
    user, headers = me
    add(client, headers, card())
    other = add(client, headers, card("5555555555554444")).get_json()["id"]
    response = client.post(f"{URL}{other}/set-default/", headers=headers)
    assert response.status_code == 200 and response.get_json()["success"] is True
    customer = client_customer(user)
    assert customer.invoice_settings.default_payment_method == other
    assert client.get(f"{URL}{other}/", headers=headers).get_json()["is_default"] is True


def client_customer(user):
    return stripe_client().customers.retrieve(customers.account_of(user.id).stripe_customer_id)


def test_someone_elses_card_is_404_everywhere(stripe_on, client, me, users, auth):
    user, headers = me
    mine = add(client, headers, card()).get_json()["id"]
    stranger = auth(users.create())
    add(client, stranger, card())  # the stranger has a customer of their own
    assert client.get(f"{URL}{mine}/", headers=stranger).status_code == 404
    assert client.delete(f"{URL}{mine}/", headers=stranger).status_code == 404
    assert client.post(f"{URL}{mine}/set-default/", headers=stranger).status_code == 404
    assert add(client, stranger, mine).status_code == 404
    assert client.get(f"{URL}pm_doesnotexist/", headers=headers).status_code == 404


def test_a_declined_card_is_402_with_stripes_message_and_not_attached(stripe_on, client, me):
    user, headers = me
    response = add(client, headers, card(DECLINED))
    assert response.status_code == 402
    body = response.get_json()
    assert body["error"] == "payment_failed" and "declined" in body["message"]
    assert client.get(URL, headers=headers).get_json()["payment_methods"] == []


def test_bad_input_is_400(stripe_on, client, me):
    _, headers = me
    assert client.post(URL, json={}, headers=headers).status_code == 400
    response = add(client, headers, "not a stripe id!")
    assert response.status_code == 400
    assert "payment_method_id" in response.get_json()["errors"]
    assert add(client, headers, "pm_unknown123").status_code == 400


def test_deleting_the_default_promotes_another_card(stripe_on, client, me):
    user, headers = me
    default = add(client, headers, card()).get_json()["id"]
    other = add(client, headers, card("5555555555554444")).get_json()["id"]
    response = client.delete(f"{URL}{default}/", headers=headers)
    assert response.status_code == 200, response.get_json()
    listed = client.get(URL, headers=headers).get_json()
    assert [m["id"] for m in listed["payment_methods"]] == [other]
    assert listed["default_payment_method"] == other
    assert customers.account_of(user.id).default_payment_method_id == other
    assert stripe_client().payment_methods.retrieve(default).customer is None


def test_the_last_card_of_a_running_subscription_cannot_be_deleted(stripe_on, client, me):
    user, headers = me
    only = add(client, headers, card()).get_json()["id"]
    db.session.add(Plan(id="premium", name="Premium", amount=999, features=[], limits={}))
    db.session.add(
        Subscription(
            user_id=user.id, plan_id="premium", stripe_subscription_id="sub_x", status="active"
        )
    )
    db.session.commit()
    response = client.delete(f"{URL}{only}/", headers=headers)
    assert response.status_code == 409
    assert response.get_json()["error"] == "default_payment_method_in_use"
    assert client_customer(user).invoice_settings.default_payment_method == only


def test_the_last_card_without_a_subscription_is_removed_and_the_default_cleared(
    stripe_on, client, me
):
    user, headers = me
    only = add(client, headers, card()).get_json()["id"]
    assert client.delete(f"{URL}{only}/", headers=headers).status_code == 200
    listed = client.get(URL, headers=headers).get_json()
    assert listed == {"payment_methods": [], "default_payment_method": None}
    assert customers.account_of(user.id).default_payment_method_id is None


def test_without_keys_payment_methods_are_503(client, me):
    _, headers = me
    for response in (
        client.get(URL, headers=headers),
        add(client, headers, "pm_123456"),
        client.get(f"{URL}pm_123456/", headers=headers),
        client.delete(f"{URL}pm_123456/", headers=headers),
        client.post(f"{URL}pm_123456/set-default/", headers=headers),
    ):
        assert response.status_code == 503
        assert response.get_json()["error"] == "billing_not_configured"


def test_anonymous_callers_are_401(client):
    assert client.get(URL).status_code == 401
