"""Stripe webhooks: verify the signature, store each event once, hand it to the billing queue."""

import json
import logging

import stripe
from flask import current_app
from sqlalchemy import delete

from watchparty.billing import tasks
from watchparty.billing.event_models import WebhookEvent
from watchparty.common.inserts import insert_once
from watchparty.errors import TooLarge, Unavailable, ValidationError
from watchparty.extensions import db

log = logging.getLogger(__name__)

TOLERANCE_SECONDS = 300  # Stripe's own default: a replayed old delivery is refused
MAX_BYTES = 1024 * 1024  # Stripe events are a few KiB; anything this big is not one


class InvalidSignature(ValidationError):
    """The Stripe-Signature header is missing, malformed, stale or does not match."""

    code, message = "invalid_signature", "The webhook signature is missing or invalid."


def webhook_secret() -> str:
    """STRIPE_WEBHOOK_SECRET, or 503 billing_not_configured when it is unset."""
    secret = current_app.config.get("STRIPE_WEBHOOK_SECRET")
    if not secret:
        raise Unavailable(
            "Billing webhooks are not configured on this server (no webhook secret).",
            code="billing_not_configured",
        )
    return secret


def verify(payload: bytes, signature: str | None) -> dict:
    """The event as a dict, once Stripe's signature over the raw body checks out."""
    secret = webhook_secret()
    if len(payload) > MAX_BYTES:
        raise TooLarge("A webhook body is at most 1 MiB.")
    try:
        stripe.Webhook.construct_event(payload, signature, secret, tolerance=TOLERANCE_SECONDS)
    except stripe.SignatureVerificationError as error:
        raise InvalidSignature(detail=str(error).split(".")[0]) from error
    except (ValueError, UnicodeDecodeError) as error:  # signed, but not a Stripe event
        raise ValidationError("The body is not a Stripe event.", code="invalid_payload") from error
    event = json.loads(payload)
    if not (
        isinstance(event.get("id"), str)
        and 0 < len(event["id"]) <= 100
        and isinstance(event.get("type"), str)
        and 0 < len(event["type"]) <= 100
        and isinstance(event.get("created"), int)
        and isinstance((event.get("data") or {}).get("object"), dict)
    ):
        raise ValidationError(
            "The event has no id, type, created or data.object.", code="invalid_payload"
        )
    return event


def receive(payload: bytes, signature: str | None) -> dict:
    """Verify, store once by id and queue a new event; a replay changes nothing."""
    event = verify(payload, signature)
    new = insert_once(
        WebhookEvent,
        id=event["id"],
        type=event["type"],
        created=event["created"],
        payload=event,
        status="received",
        attempts=0,
    )
    db.session.commit()
    if not new:
        return {"received": True, "duplicate": True}
    try:
        tasks.process_event.enqueue(event["id"])
    except Exception as error:
        # Unqueued, the stored row would make Stripe's retry look like a duplicate and the
        # event would never be processed: forget it and let Stripe deliver it again.
        log.exception("could not queue Stripe event %s", event["id"])
        db.session.execute(delete(WebhookEvent).where(WebhookEvent.id == event["id"]))
        db.session.commit()
        raise Unavailable("Could not queue the event; retry later.") from error
    return {"received": True, "duplicate": False}


def requeue(event_id: str) -> WebhookEvent:
    """Queue a stored event again (an admin retry of a failed one)."""
    from watchparty.errors import NotFound

    event = db.session.get(WebhookEvent, event_id)
    if event is None:
        raise NotFound("No such webhook event.")
    tasks.process_event.enqueue(event.id)
    return event
