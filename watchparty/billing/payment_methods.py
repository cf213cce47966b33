"""A user's cards: listed, added, shown, removed and made default, always on their Stripe customer.

Nothing about a card is stored locally except the default's Stripe id: brand, last4 and expiry
come from Stripe on every read.
"""

import stripe

from watchparty.billing import customers
from watchparty.billing.models import ENTITLED, Subscription
from watchparty.billing.product_lines import product_lines
from watchparty.billing.stripe_api import call, client, require_configured
from watchparty.errors import Conflict, NotFound
from watchparty.extensions import db


def _customer_id(user) -> str | None:
    """The user's Stripe customer id, or None before their first card (no customer is made)."""
    require_configured()
    return customers.account_of(user.id).stripe_customer_id


def _cards(customer_id: str) -> list:
    listed = call(
        lambda: client().payment_methods.list(
            params={"customer": customer_id, "type": "card", "limit": 100}
        )
    )
    return list(listed.data)


def _default_of(customer_id: str) -> str | None:
    customer = call(lambda: client().customers.retrieve(customer_id))
    settings = customer.invoice_settings
    return settings.default_payment_method if settings else None


def dump(method, default_id: str | None) -> dict:
    """The seed's PaymentMethod: {id, type, brand, last4, exp_month, exp_year, is_default}."""
    card = getattr(method, "card", None)
    return {
        "id": method.id,
        "type": method.type,
        "brand": card.brand if card else None,
        "last4": card.last4 if card else None,
        "exp_month": card.exp_month if card else None,
        "exp_year": card.exp_year if card else None,
        "is_default": method.id == default_id,
    }


def _retrieve(payment_method_id: str):
    try:
        return client().payment_methods.retrieve(payment_method_id)
    except stripe.InvalidRequestError as error:
        if error.http_status == 404:
            raise NotFound("No such payment method.") from error
        raise


def owned(user, payment_method_id: str):
    """The Stripe PaymentMethod if it is attached to the user's customer; 404 otherwise."""
    customer_id = _customer_id(user)
    if customer_id is None:
        raise NotFound("No such payment method.")
    method = call(lambda: _retrieve(payment_method_id))
    if method.customer != customer_id:
        raise NotFound("No such payment method.")
    return method


def list_methods(user) -> dict:
    """The user's cards and which one is the default."""
    customer_id = _customer_id(user)
    if customer_id is None:
        return {"payment_methods": [], "default_payment_method": None}
    default_id = _default_of(customer_id)
    methods = [dump(m, default_id) for m in _cards(customer_id)]
    return {"payment_methods": methods, "default_payment_method": default_id}


def get_method(user, payment_method_id: str) -> dict:
    """One of the user's cards."""
    method = owned(user, payment_method_id)
    return dump(method, _default_of(method.customer))


def add_method(user, payment_method_id: str, set_default: bool = False) -> dict:
    """Attach a card (a PaymentMethod id from Stripe.js); the first card becomes the default."""
    require_configured()
    customer_id = customers.ensure_customer(user)
    had_default = _default_of(customer_id) is not None
    method = customers.attach_payment_method(
        user, payment_method_id, make_default=set_default or not had_default
    )
    return dump(method, _default_of(customer_id))


def set_default(user, payment_method_id: str) -> None:
    """Make one of the user's cards the default for invoices and payments."""
    owned(user, payment_method_id)
    customers.set_default_payment_method(user, payment_method_id)


def _has_running_subscription(user) -> bool:
    """Whether a platform subscription, or one of a product line (creators), will charge the
    default card again."""
    platform = db.session.scalar(
        db.select(Subscription.id).where(
            Subscription.user_id == user.id, Subscription.status.in_(ENTITLED)
        )
    )
    return platform is not None or any(
        line.has_running_subscription(user.id) for line in product_lines
    )


def delete_method(user, payment_method_id: str) -> str:
    """Detach a card. Removing the default promotes the newest other card; with no other card
    and a subscription still running, it is refused (409). Returns what happened."""
    method = owned(user, payment_method_id)
    customer_id = method.customer
    note = "Payment method removed."
    if _default_of(customer_id) == payment_method_id:
        others = [m for m in _cards(customer_id) if m.id != payment_method_id]
        if others:
            customers.set_default_payment_method(user, others[0].id)
            note = f"Payment method removed; {others[0].id} is now the default."
        elif _has_running_subscription(user):
            raise Conflict(
                "This is the card your subscription is charged to: add another card first, "
                "or cancel the subscription.",
                code="default_payment_method_in_use",
            )
        else:
            _clear_default(user, customer_id)
    call(lambda: client().payment_methods.detach(payment_method_id))
    return note


def _clear_default(user, customer_id: str) -> None:
    params = {"invoice_settings": {"default_payment_method": ""}}
    call(lambda: client().customers.update(customer_id, params=params))
    account = customers.account_of(user.id)
    account.default_payment_method_id = None
    db.session.commit()
