"""A user's billing history: invoices newest first, one invoice with its lines, and its PDF."""

import uuid
from datetime import UTC, datetime

from flask import current_app, url_for

from watchparty.billing import invoice_pdf
from watchparty.billing.models import Invoice
from watchparty.billing.money import to_major
from watchparty.billing.stripe_api import require_configured
from watchparty.common.pagination import paginate
from watchparty.common.types import iso
from watchparty.errors import NotFound, ValidationError
from watchparty.extensions import db


def number_of(invoice: Invoice) -> str:
    """The invoice's number; Stripe numbers finalized invoices, before that its id stands in."""
    return invoice.number or invoice.stripe_invoice_id


def shown_amount(invoice: Invoice) -> int:
    """What the invoice is for: what was paid once paid, what is due before."""
    return invoice.amount_paid if invoice.status == "paid" else invoice.amount_due


def dump(invoice: Invoice) -> dict:
    """An invoice as billing history shows it (money as 9.99 with its currency)."""
    currency = invoice.currency
    return {
        "id": str(invoice.id),
        "stripe_invoice_id": invoice.stripe_invoice_id,
        "number": number_of(invoice),
        "status": invoice.status,
        "amount": to_major(shown_amount(invoice), currency),
        "amount_due": to_major(invoice.amount_due, currency),
        "amount_paid": to_major(invoice.amount_paid, currency),
        "currency": currency.upper(),
        "date": iso(invoice.created_at),
        "period_start": iso(invoice.period_start),
        "period_end": iso(invoice.period_end),
        "paid_at": iso(invoice.paid_at),
        "description": invoice.description or _first_line(invoice),
        "download_url": url_for(
            "billing_account_routes.download_invoice", invoice_id=str(invoice.id)
        ),
    }


def _first_line(invoice: Invoice) -> str:
    return invoice.lines[0].get("description", "") if invoice.lines else ""


def dump_detail(invoice: Invoice) -> dict:
    """An invoice with its lines."""
    lines = [
        {
            "description": line.get("description", ""),
            "amount": to_major(int(line.get("amount") or 0), invoice.currency),
            "quantity": line.get("quantity") or 1,
            "period_start": iso(_when(line.get("period_start"))),
            "period_end": iso(_when(line.get("period_end"))),
        }
        for line in invoice.lines or []
    ]
    return dump(invoice) | {"lines": lines}


def _when(stamp) -> datetime | None:
    return datetime.fromtimestamp(int(stamp), UTC) if stamp else None


def _month_range(year: int, month: int | None) -> tuple[datetime, datetime]:
    if month is None:
        return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
    return datetime(year, month, 1, tzinfo=UTC), end


def history(user, page: int, page_size: int, year: int | None, month: int | None) -> dict:
    """The user's invoices, newest first, optionally of one year or one month of a year."""
    require_configured()
    if month is not None and year is None:
        raise ValidationError("Invalid filter.", errors={"month": ["Give `year` with `month`."]})
    stmt = db.select(Invoice).where(Invoice.user_id == user.id)
    if year is not None:
        start, end = _month_range(year, month)
        stmt = stmt.where(Invoice.created_at >= start, Invoice.created_at < end)
    stmt = stmt.order_by(Invoice.created_at.desc(), Invoice.id.desc())
    return paginate(stmt, page, page_size, lambda rows: [dump(row) for row in rows])


def get_invoice(user, invoice_id: str) -> Invoice:
    """One of the user's invoices by our id or Stripe's; 404 for anyone else's."""
    require_configured()
    try:
        clause = Invoice.id == uuid.UUID(invoice_id)
    except ValueError:
        clause = Invoice.stripe_invoice_id == invoice_id
    invoice = db.session.scalar(db.select(Invoice).where(clause, Invoice.user_id == user.id))
    if invoice is None:
        raise NotFound("No such invoice.")
    return invoice


def pdf(user, invoice_id: str) -> tuple[bytes, str]:
    """The invoice as a PDF, and its download file name."""
    invoice = get_invoice(user, invoice_id)
    seller = current_app.config["BILLING_SELLER_NAME"]
    customer = f"{user.full_name} <{user.email}>"
    number = number_of(invoice)
    lines = invoice_pdf.invoice_lines(invoice, seller, customer, number)
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in number)
    return invoice_pdf.render(lines), f"invoice-{safe}.pdf"
