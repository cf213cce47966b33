"""A one-page invoice as a small, valid PDF 1.4 (Helvetica text lines), no dependency needed."""

from watchparty.billing.models import Invoice
from watchparty.billing.money import exponent

PAGE_WIDTH, PAGE_HEIGHT = 612, 792  # US Letter, in points
LEFT, TOP, LEADING, SIZE = 56, 736, 16, 11
MAX_LINES = 44  # what fits between TOP and the bottom margin at this leading


def escape(text: str) -> str:
    """Text as a PDF literal string body: backslash and parentheses escaped, one line only."""
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return text.replace("\r", " ").replace("\n", " ")


def money_text(minor: int, currency: str) -> str:
    """999 usd as "9.99 USD", exactly (integer arithmetic, no float)."""
    places = exponent(currency)
    sign = "-" if minor < 0 else ""
    whole, cents = divmod(abs(minor), 10**places) if places else (abs(minor), 0)
    fraction = f".{cents:0{places}d}" if places else ""
    return f"{sign}{whole}{fraction} {currency.upper()}"


def _day(value) -> str:
    return value.strftime("%Y-%m-%d") if value else "-"


def invoice_lines(invoice: Invoice, seller: str, customer: str, number: str) -> list[str]:
    """The text of the invoice, top to bottom."""
    lines = [
        f"INVOICE {number}",
        "",
        f"From: {seller}",
        f"Bill to: {customer}",
        f"Invoice date: {_day(invoice.created_at)}",
        f"Period: {_day(invoice.period_start)} to {_day(invoice.period_end)}",
        f"Status: {invoice.status}",
        "",
    ]
    for item in invoice.lines or []:
        amount = money_text(int(item.get("amount") or 0), invoice.currency)
        quantity = item.get("quantity") or 1
        lines.append(f"{item.get('description') or 'Item'}  x{quantity}  {amount}")
    lines += [
        "",
        f"Total: {money_text(invoice.amount_due, invoice.currency)}",
        f"Paid: {money_text(invoice.amount_paid, invoice.currency)}",
    ]
    if invoice.paid_at:
        lines.append(f"Paid on: {_day(invoice.paid_at)}")
    return lines[:MAX_LINES]


def render(lines: list[str]) -> bytes:
    """A one-page PDF showing `lines` in Helvetica; byte offsets in the xref table are exact."""
    text = [f"BT /F1 {SIZE} Tf {LEADING} TL {LEFT} {TOP} Td"]
    text += [f"({escape(line)}) Tj T*" for line in lines]
    text.append("ET")
    # Helvetica's standard encoding covers Latin-1; anything else prints as "?".
    stream = "\n".join(text).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
        ).encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
