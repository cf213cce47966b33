"""Stripe objects that belong to the domains above billing (creator subscriptions and tips).

Billing receives every Stripe event and reconciles every customer, but it does not import the
domains that sell through it. Each such domain registers a *product line* here, from its
`hooks.register()`: a module or object with the functions of `ProductLine`. Billing then syncs,
reconciles and counts the line's objects without knowing its tables.
"""

import uuid
from collections.abc import Iterable
from typing import Protocol

from watchparty.common.hooks import Hook


class ProductLine(Protocol):
    """What billing asks of a domain that sells through Stripe."""

    def owns_subscription(self, stripe_subscription) -> bool:
        """Whether a Stripe subscription is one of this line's (by its metadata)."""

    def knows_subscription(self, stripe_subscription_id: str) -> bool:
        """Whether a local row of this line holds that Stripe subscription id."""

    def upsert_subscription(self, stripe_subscription, as_of: int | None) -> None:
        """Store Stripe's version of one of this line's subscriptions."""

    def record_payment_intent(self, payment_intent, as_of: int | None) -> None:
        """Settle whatever of this line a payment intent pays for (nothing if not its own)."""

    def subscriptions(self) -> Iterable[tuple[uuid.UUID, str]]:
        """(user id, Stripe subscription id) of every local subscription of this line."""

    def unsettled_payment_intents(self, days: int) -> Iterable[tuple[uuid.UUID, str]]:
        """(user id, payment intent id) of the line's recent payments not yet final."""

    def state_queries(self, user_id: uuid.UUID) -> Iterable[tuple]:
        """(name, select, key column, fields) whose rows reconciliation compares before/after."""

    def has_running_subscription(self, user_id: uuid.UUID) -> bool:
        """Whether one of the user's subscriptions of this line will charge their card again."""


product_lines = Hook("billing.product_lines")


def line_of(stripe_subscription) -> ProductLine | None:
    """The product line a Stripe subscription belongs to, or None for the platform's own."""
    return next(
        (line for line in product_lines if line.owns_subscription(stripe_subscription)), None
    )


def record_payment_intent(payment_intent, as_of: int | None) -> None:
    """Let every product line settle what a payment intent pays for."""
    for line in product_lines:
        line.record_payment_intent(payment_intent, as_of)


def subscriptions() -> list[tuple[uuid.UUID, str]]:
    """(user id, Stripe subscription id) of every product line's local subscriptions."""
    return [pair for line in product_lines for pair in line.subscriptions()]


def unsettled_payment_intents(days: int) -> list[tuple[uuid.UUID, str]]:
    """(user id, payment intent id) of every line's recent payments not yet final."""
    return [pair for line in product_lines for pair in line.unsettled_payment_intents(days)]
