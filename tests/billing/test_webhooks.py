"""The Stripe webhook endpoint: real signatures, stored once by id, handed to the billing queue."""

import hashlib
import hmac
import json
import time

from sqlalchemy import func, select

from tests.billing.conftest import WEBHOOK_SECRET
from tests.conftest import REDIS_URL
from watchparty.billing import customers
from watchparty.billing.event_models import WebhookEvent
from watchparty.billing.stripe_api import client as stripe
from watchparty.extensions import db
from watchparty.jobs import jobs

URL = "/api/billing/webhooks/stripe/"


def event_body(event_id: str, event_type: str, obj: dict, created: int | None = None) -> str:
    """A Stripe event's JSON, as Stripe sends it."""
    event = {
        "id": event_id,
        "object": "event",
        "type": event_type,
        "created": created or int(time.time()),
        "api_version": "2017-08-15",
        "livemode": False,
        "data": {"object": obj},
    }
    return json.dumps(event)


def signature(body: str, secret: str = WEBHOOK_SECRET, at: int | None = None) -> str:
    """Stripe's scheme: t=<ts>,v1=HMAC-SHA256(secret, "<ts>.<body>")."""
    at = int(time.time()) if at is None else at
    mac = hmac.new(secret.encode(), f"{at}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={at},v1={mac}"


def post_event(client_, body: str, sig: str | None = None):
    """POST a body to the webhook endpoint, signed correctly unless `sig` is given."""
    headers = {"Content-Type": "application/json"}
    headers["Stripe-Signature"] = signature(body) if sig is None else sig
    if sig == "":
        headers.pop("Stripe-Signature")
    return client_.post(URL, data=body, headers=headers)


def stored() -> int:
    return db.session.scalar(select(func.count()).select_from(WebhookEvent))


def queued_jobs() -> int:
    """Jobs handed to the billing queue and not run yet."""
    if REDIS_URL:
        return jobs.queue("billing").count
    return len(jobs._pending)


def test_a_bad_signature_is_rejected_and_nothing_is_stored(client, stripe_on):
    body = event_body("evt_bad", "customer.created", {"id": "cus_1", "object": "customer"})
    response = post_event(client, body, signature(body, secret="whsec_someone_else"))
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid_signature"
    assert stored() == 0 and queued_jobs() == 0


def test_a_tampered_body_is_rejected(client, stripe_on):
    body = event_body("evt_tamper", "customer.created", {"id": "cus_1", "object": "customer"})
    sig = signature(body)
    response = post_event(client, body.replace("cus_1", "cus_2"), sig)
    assert response.status_code == 400 and stored() == 0


def test_a_missing_signature_header_is_rejected(client, stripe_on):
    body = event_body("evt_nosig", "customer.created", {"id": "cus_1", "object": "customer"})
    response = post_event(client, body, "")
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid_signature"
    assert stored() == 0


def test_a_stale_timestamp_is_rejected(client, stripe_on):
    body = event_body("evt_old", "customer.created", {"id": "cus_1", "object": "customer"})
    response = post_event(client, body, signature(body, at=int(time.time()) - 301))
    assert response.status_code == 400 and stored() == 0


def test_a_signed_body_that_is_not_an_event_is_rejected(client, stripe_on):
    body = json.dumps({"object": "event", "type": "x"})  # no id, created or data
    response = post_event(client, body)
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid_payload"
    assert stored() == 0


def test_without_a_webhook_secret_billing_is_not_configured(client, app):
    assert not app.config.get("STRIPE_WEBHOOK_SECRET")
    body = event_body("evt_x", "customer.created", {"id": "cus_1", "object": "customer"})
    response = post_event(client, body)
    assert response.status_code == 503
    assert response.get_json()["error"] == "billing_not_configured"
    assert stored() == 0


def test_the_same_event_twice_is_one_row_and_one_job(client, stripe_on, run_jobs):
    body = event_body("evt_twice", "customer.created", {"id": "cus_1", "object": "customer"})
    first = post_event(client, body)
    second = post_event(client, body)
    assert first.status_code == 200 and first.get_json() == {"received": True, "duplicate": False}
    assert second.status_code == 200 and second.get_json() == {"received": True, "duplicate": True}
    assert stored() == 1 and queued_jobs() == 1
    run_jobs()
    event = db.session.get(WebhookEvent, "evt_twice")
    assert event.status == "processed" and event.attempts == 1


def test_an_unknown_event_type_is_processed_with_a_note(client, stripe_on, run_jobs):
    body = event_body("evt_unknown", "customer.created", {"id": "cus_1", "object": "customer"})
    assert post_event(client, body).status_code == 200
    run_jobs()
    event = db.session.get(WebhookEvent, "evt_unknown")
    assert event.status == "processed" and event.error.startswith("ignored")
    assert event.processed_at is not None


def _wait_for(predicate, seconds: float = 15.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db.session.expire_all()
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_localstripe_delivers_signed_events_that_are_stored_and_processed(
    stripe_webhooks, users, run_jobs
):
    user = users.create()
    customer_id = customers.ensure_customer(user)
    query = select(WebhookEvent).where(WebhookEvent.type == "customer.created")

    def ours() -> WebhookEvent | None:
        # localstripe also delivers earlier tests' late events here: pick this customer's.
        db.session.expire_all()
        events = db.session.scalars(query).all()
        return next((e for e in events if e.payload["data"]["object"]["id"] == customer_id), None)

    assert _wait_for(ours)

    def processed() -> bool:
        run_jobs()  # the server queues the job just after storing the row: run until done
        return ours().status == "processed"

    assert _wait_for(processed)
    assert stripe().v1.customers.retrieve(customer_id).id == customer_id
