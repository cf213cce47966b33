"""The one Stripe client of the app, and Stripe's errors mapped to ours."""

from collections.abc import Callable
from typing import TypeVar

import stripe
from flask import current_app

from watchparty.errors import AppError, Unavailable, ValidationError

T = TypeVar("T")
BILLING_ERROR = "billing_error"
API_VERSION = "2025-02-24.acacia"


class PaymentFailed(AppError):
    """The card was declined or the payment could not be taken (402)."""

    status, code, message = 402, "payment_failed", "The payment could not be completed."


def configured() -> bool:
    """Whether Stripe keys are set."""
    return bool(current_app.config.get("STRIPE_SECRET_KEY"))


def require_configured() -> None:
    """503 `billing_not_configured` when the server has no Stripe keys."""
    if not configured():
        raise Unavailable(
            "Billing is not configured on this server (no Stripe keys).",
            code="billing_not_configured",
        )


def client() -> stripe.StripeClient:
    """The app's StripeClient (STRIPE_API_BASE points it at an emulator such as localstripe)."""
    require_configured()
    cached = current_app.extensions.get("stripe")
    key = current_app.config["STRIPE_SECRET_KEY"]
    base = current_app.config.get("STRIPE_API_BASE")
    if cached is None or cached[0] != (key, base):
        addresses = {"api": base} if base else None
        # Pinned: the code reads subscriptions as this API version shapes them (period dates on
        # the subscription, an expandable latest_invoice.payment_intent), as localstripe does.
        client = stripe.StripeClient(key, base_addresses=addresses, stripe_version=API_VERSION)
        cached = ((key, base), client)
        current_app.extensions["stripe"] = cached
    return cached[1]


def call(fn: Callable[[], T]) -> T:
    """Run a Stripe call, turning its errors into the project's: 402 for card problems, 400 for
    a request Stripe refused, 503 when Stripe cannot be reached or the keys are wrong."""
    try:
        return fn()
    except stripe.CardError as error:
        raise PaymentFailed(
            error.user_message or "Your card was declined.", detail=error.code
        ) from error
    except stripe.InvalidRequestError as error:
        raise ValidationError(error.user_message or str(error.user_message or error)) from error
    except (stripe.AuthenticationError, stripe.PermissionError) as error:
        raise Unavailable(
            "Billing is misconfigured on this server.", code="billing_error"
        ) from error
    except stripe.StripeError as error:
        raise Unavailable(
            "The payment provider is unavailable; try again.", code="billing_error"
        ) from error
