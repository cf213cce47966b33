"""The billing address: ours to show (even without Stripe keys), Stripe's customer's to keep.

Reading works without keys because the address is stored locally. Changing it needs billing
configured, because an address only the local database knows would never reach invoices and
tax: Stripe is updated first and the row only after Stripe accepted it.
"""

from watchparty.billing import customers
from watchparty.billing.stripe_api import call, client, require_configured
from watchparty.extensions import db

FIELDS = ("line1", "line2", "city", "state", "postal_code", "country")


def get_address(user) -> dict:
    """The user's billing address; every field null when none was given yet."""
    stored = customers.account_of(user.id).address or {}
    return {name: stored.get(name) for name in FIELDS}


def update_address(user, address: dict) -> dict:
    """Replace the billing address on the Stripe customer, then locally. Commits."""
    require_configured()
    clean = {name: address.get(name) or None for name in FIELDS}
    customer_id = customers.ensure_customer(user)
    # Stripe clears a field sent as "": absent optional parts must not keep old values.
    params = {"address": {name: value or "" for name, value in clean.items()}}
    call(lambda: client().customers.update(customer_id, params=params))
    account = customers.account_of(user.id)
    account.address = clean
    db.session.commit()
    return clean
