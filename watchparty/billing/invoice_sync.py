"""The one place a Stripe invoice becomes the local Invoice row (and its Payment), and a Stripe
refund becomes a refund Payment. Webhooks, reconciliation and tests all go through here."""

import time
from datetime import UTC, datetime

import stripe
from sqlalchemy.exc import IntegrityError

from watchparty.billing.models import REFUND, SUBSCRIPTION, BillingAccount, Invoice, Payment
from watchparty.billing.models import Subscription as PlatformSubscription
from watchparty.billing.product_lines import product_lines
from watchparty.billing.stripe_api import call, client
from watchparty.extensions import db

CREATOR_KIND = "creator"


def plain(obj) -> dict:
    """A Stripe object (SDK object or webhook JSON) as a plain dict."""
    if obj is None:
        return {}
    return obj.to_dict() if isinstance(obj, stripe.StripeObject) else dict(obj)


def _when(stamp) -> datetime | None:
    return datetime.fromtimestamp(int(stamp), UTC) if stamp else None


def _subscription_ref(data: dict) -> tuple[str | None, dict | None]:
    """The invoice's subscription id and, when the payload carries it, that subscription's
    metadata (newer API versions moved both under `parent.subscription_details`)."""
    details = (data.get("parent") or {}).get("subscription_details") or {}
    legacy = data.get("subscription_details") or {}
    sub = data.get("subscription") or details.get("subscription")
    if isinstance(sub, dict):  # expanded
        return sub.get("id"), sub.get("metadata") or {}
    metadata = details.get("metadata") or legacy.get("metadata")
    return sub, metadata


def _is_creator(stripe_subscription_id: str, metadata: dict | None) -> bool:
    """Whether the subscription is a creator subscription (helper of the creators domain)."""
    if metadata is not None:
        return metadata.get("kind") == CREATOR_KIND
    if any(line.knows_subscription(stripe_subscription_id) for line in product_lines):
        return True
    remote = call(lambda: client().subscriptions.retrieve(stripe_subscription_id))
    return (plain(remote).get("metadata") or {}).get("kind") == CREATOR_KIND


def _lines(data: dict) -> list[dict]:
    lines = []
    for line in (data.get("lines") or {}).get("data") or []:
        period = line.get("period") or {}
        lines.append(
            {
                "description": (line.get("description") or "")[:500],
                "amount": int(line.get("amount") or 0),
                "quantity": int(line.get("quantity") or 1),
                "period_start": period.get("start"),
                "period_end": period.get("end"),
            }
        )
    return lines


def _apply(row: Invoice, data: dict, subscription_id, as_of: int) -> None:
    row.number = data.get("number") or row.number
    row.status = data.get("status") or "draft"
    row.currency = (data.get("currency") or "usd").lower()
    row.amount_due = int(data.get("amount_due") or 0)
    row.amount_paid = int(data.get("amount_paid") or 0)
    row.description = (data.get("description") or "")[:500]
    row.lines = _lines(data)
    row.period_start = _when(data.get("period_start"))
    row.period_end = _when(data.get("period_end"))
    row.paid_at = _when((data.get("status_transitions") or {}).get("paid_at"))
    row.subscription_id = subscription_id or row.subscription_id
    row.stripe_updated = as_of


def upsert_invoice(stripe_invoice, as_of: int | None = None) -> Invoice | None:
    """Store what Stripe says of an invoice (unless we already hold newer news) and, once it is
    paid, its one subscription Payment. None for unknown customers and creator invoices. Commits."""
    data = plain(stripe_invoice)
    as_of = int(as_of if as_of is not None else time.time())
    account = db.session.scalar(
        db.select(BillingAccount).filter_by(stripe_customer_id=data.get("customer"))
    )
    if account is None or not data.get("id"):
        return None
    sub_id, metadata = _subscription_ref(data)
    local_sub = (
        db.session.scalar(db.select(PlatformSubscription).filter_by(stripe_subscription_id=sub_id))
        if sub_id
        else None
    )
    if sub_id and local_sub is None and _is_creator(sub_id, metadata):
        return None  # the creators domain records creator invoices
    row = _store(data, account, local_sub.id if local_sub else None, as_of)
    if row.status == "paid":
        _record_invoice_payment(row)
    return row


def _store(data: dict, account: BillingAccount, subscription_id, as_of: int) -> Invoice:
    """Insert or update the row; a concurrent insert of the same invoice is merged, not lost."""
    for _attempt in range(2):
        row = db.session.scalar(db.select(Invoice).filter_by(stripe_invoice_id=data["id"]))
        if row is not None and row.stripe_updated > as_of:
            return row  # older news than what we hold
        if row is None:
            row = Invoice(user_id=account.user_id, stripe_invoice_id=data["id"])
            if data.get("created"):  # the invoice's date is Stripe's, not our insert time
                row.created_at = _when(data["created"])
            db.session.add(row)
        _apply(row, data, subscription_id, as_of)
        try:
            db.session.commit()
            return row
        except IntegrityError:
            db.session.rollback()
    raise RuntimeError(f"invoice {data['id']} could not be stored")


def _insert_once(payment: Payment) -> Payment:
    """Add a payment keyed by its Stripe object; if someone recorded it first, theirs stands."""
    db.session.add(payment)
    try:
        db.session.commit()
        return payment
    except IntegrityError:
        db.session.rollback()
        return db.session.scalar(
            db.select(Payment).filter_by(stripe_object_id=payment.stripe_object_id)
        )


def _record_invoice_payment(invoice: Invoice) -> Payment:
    """The subscription Payment of a paid invoice, recorded exactly once."""
    existing = db.session.scalar(
        db.select(Payment).filter_by(stripe_object_id=invoice.stripe_invoice_id)
    )
    if existing is not None:
        return existing
    description = invoice.lines[0]["description"] if invoice.lines else invoice.description
    return _insert_once(
        Payment(
            user_id=invoice.user_id,
            kind=SUBSCRIPTION,
            status="succeeded",
            amount=invoice.amount_paid,
            currency=invoice.currency,
            description=(description or "Subscription")[:500],
            invoice_id=invoice.id,
            stripe_object_id=invoice.stripe_invoice_id,
        )
    )


def _refunds_of(data: dict) -> list[dict]:
    """The refunds a `charge.refunded` charge (or a single refund) stands for."""
    if data.get("object") == "refund":
        return [data]
    listed = (data.get("refunds") or {}).get("data")
    if listed:
        return listed
    # Newer API versions no longer embed refunds in the charge: ask Stripe.
    found = call(lambda: client().refunds.list(params={"charge": data["id"], "limit": 100}))
    return [plain(refund) for refund in found.data]


def _original_payment(charge: dict) -> Payment | None:
    """The payment a charge paid for: by its invoice or payment intent, else the intent's
    invoice (newer API versions dropped `charge.invoice`)."""
    intent = charge.get("payment_intent")
    intent = intent.get("id") if isinstance(intent, dict) else intent
    keys = [k for k in (charge.get("invoice"), intent) if k]
    found = (
        db.session.scalar(db.select(Payment).where(Payment.stripe_object_id.in_(keys)))
        if keys
        else None
    )
    if found is None and intent:
        invoice = plain(call(lambda: client().payment_intents.retrieve(intent))).get("invoice")
        if invoice:
            found = db.session.scalar(db.select(Payment).filter_by(stripe_object_id=invoice))
    return found


def record_refund(stripe_charge_or_refund, as_of: int | None = None) -> list[Payment]:
    """A refund Payment for each refund of a charge (or for one refund), each recorded once,
    for the user who paid. `as_of` is accepted for symmetry: a refund row only moves forward
    from pending to its final status. Commits."""
    data = plain(stripe_charge_or_refund)
    charge = data
    if data.get("object") == "refund":
        charge_id = data.get("charge")
        charge_id = charge_id.get("id") if isinstance(charge_id, dict) else charge_id
        charge = plain(call(lambda: client().charges.retrieve(charge_id))) if charge_id else {}
    original = _original_payment(charge)
    account = db.session.scalar(
        db.select(BillingAccount).filter_by(stripe_customer_id=charge.get("customer"))
    )
    user_id = original.user_id if original else (account.user_id if account else None)
    if user_id is None:
        return []
    recorded = []
    for refund in _refunds_of(data):
        row = db.session.scalar(db.select(Payment).filter_by(stripe_object_id=refund["id"]))
        status = refund.get("status") or "succeeded"
        if row is not None:
            if row.status == "pending" and status != "pending":
                row.status = status
                db.session.commit()
            recorded.append(row)
            continue
        what = original.description if original else "payment"
        row = Payment(
            user_id=user_id,
            kind=REFUND,
            status=status,
            amount=int(refund.get("amount") or 0),
            currency=(refund.get("currency") or charge.get("currency") or "usd").lower(),
            description=f"Refund: {what}"[:500],
            counterparty_id=original.counterparty_id if original else None,
            invoice_id=original.invoice_id if original else None,
            stripe_object_id=refund["id"],
        )
        recorded.append(_insert_once(row))
    return recorded
