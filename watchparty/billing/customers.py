"""A user's Stripe customer, created once, and the cards attached to it."""

from sqlalchemy.exc import IntegrityError

from watchparty.billing.models import BillingAccount
from watchparty.billing.stripe_api import call, client
from watchparty.extensions import db


def account_of(user_id) -> BillingAccount:
    """The user's billing account row (created empty when missing). Commits a new one."""
    account = db.session.get(BillingAccount, user_id)
    if account is None:
        account = BillingAccount(user_id=user_id, address={})
        db.session.add(account)
        try:
            db.session.commit()
        except IntegrityError:  # created concurrently: use theirs
            db.session.rollback()
            account = db.session.get(BillingAccount, user_id)
    return account


def ensure_customer(user) -> str:
    """The user's Stripe customer id, creating the customer the first time. Commits."""
    account = account_of(user.id)
    if account.stripe_customer_id:
        return account.stripe_customer_id
    params = {"email": user.email, "name": user.full_name, "metadata": {"user_id": str(user.id)}}
    customer = call(lambda: client().customers.create(params=params))
    # Two first-time requests may race: only one id is kept, the other customer stays unused.
    updated = db.session.execute(
        db.update(BillingAccount)
        .where(BillingAccount.user_id == user.id, BillingAccount.stripe_customer_id.is_(None))
        .values(stripe_customer_id=customer.id)
    )
    db.session.commit()
    if updated.rowcount == 0:
        db.session.refresh(account)
    return account.stripe_customer_id or customer.id


def attach_payment_method(user, payment_method_id: str, make_default: bool = False) -> dict:
    """Attach a card (a Stripe PaymentMethod id) to the user's customer; maybe make it the
    default for invoices. Returns the Stripe PaymentMethod. Commits."""
    customer_id = ensure_customer(user)
    method = call(lambda: client().payment_methods.retrieve(payment_method_id))
    if method.customer and method.customer != customer_id:
        from watchparty.errors import NotFound

        raise NotFound("No such payment method.")
    if not method.customer:
        params = {"customer": customer_id}
        method = call(lambda: client().payment_methods.attach(payment_method_id, params=params))
    if make_default:
        set_default_payment_method(user, payment_method_id)
    return method


def set_default_payment_method(user, payment_method_id: str) -> None:
    """Make a card the customer's default for invoices and payments. Commits."""
    customer_id = ensure_customer(user)
    params = {"invoice_settings": {"default_payment_method": payment_method_id}}
    call(lambda: client().customers.update(customer_id, params=params))
    account = account_of(user.id)
    account.default_payment_method_id = payment_method_id
    db.session.commit()
