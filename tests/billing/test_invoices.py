"""Invoices reach the database through upsert_invoice; history, detail and PDF read them back."""

import re
import threading
from datetime import UTC, datetime

from sqlalchemy import Integer, inspect

from tests.billing.test_payment_methods import card
from watchparty.billing import customers, invoice_sync
from watchparty.billing.models import Invoice, Payment, Plan, Subscription
from watchparty.billing.stripe_api import client as stripe_client
from watchparty.extensions import db

HISTORY = "/api/billing/history/"


def subscribe(user, amount: int = 999, metadata: dict | None = None):
    """A real localstripe subscription of `user` to a new plan; its first invoice is paid."""
    stripe = stripe_client()
    product = stripe.products.create(params={"name": "Premium"})
    plan = stripe.plans.create(
        params={"amount": amount, "currency": "usd", "interval": "month", "product": product.id}
    )
    customers.attach_payment_method(user, card(), make_default=True)
    params = {
        "customer": customers.ensure_customer(user),
        "items": [{"plan": plan.id}],
        "metadata": metadata or {"kind": "platform"},
    }
    return stripe.subscriptions.create(params=params)


def stripe_invoices(user, subscription: str | None = None) -> list:
    """The customer's invoices in Stripe (of one subscription, when given)."""
    params = {"customer": customers.account_of(user.id).stripe_customer_id}
    if subscription:
        params["subscription"] = subscription
    return list(stripe_client().invoices.list(params=params).data)


def synced_invoice(user, amount: int = 999, created: int | None = None) -> Invoice:
    """Subscribe and store the (paid) invoice, maybe as if Stripe had made it at `created`."""
    sub = subscribe(user, amount)
    data = stripe_invoices(user, sub.id)[0].to_dict()
    if created is not None:
        data["created"] = created
    return invoice_sync.upsert_invoice(data)


def test_a_paid_invoice_is_stored_with_exactly_one_payment(stripe_on, users):
    user = users.create()
    sub = subscribe(user)
    db.session.add(Plan(id="premium", name="Premium", amount=999, features=[], limits={}))
    db.session.add(
        Subscription(
            user_id=user.id, plan_id="premium", stripe_subscription_id=sub.id, status="active"
        )
    )
    db.session.commit()
    remote = stripe_invoices(user)[0]
    row = invoice_sync.upsert_invoice(remote)
    assert row.status == "paid" and row.amount_paid == 999 and row.amount_due == 999
    assert row.subscription_id is not None and row.paid_at is not None
    assert row.lines[0]["amount"] == 999 and row.lines[0]["quantity"] == 1
    invoice_sync.upsert_invoice(remote)  # a replay
    payments = db.session.scalars(db.select(Payment)).all()
    assert len(payments) == 1
    assert payments[0].kind == "subscription" and payments[0].amount == 999
    assert payments[0].stripe_object_id == remote.id and payments[0].invoice_id == row.id


def test_concurrent_syncs_of_one_invoice_record_one_row_and_one_payment(stripe_on, users, app):
    user = users.create()
    subscribe(user)
    data = stripe_invoices(user)[0].to_dict()
    errors = []

    def sync():
        with app.app_context():
            try:
                invoice_sync.upsert_invoice(data)
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=sync) for _ in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors
    assert db.session.scalar(db.select(db.func.count()).select_from(Invoice)) == 1
    assert db.session.scalar(db.select(db.func.count()).select_from(Payment)) == 1


def test_older_news_does_not_overwrite_newer(stripe_on, users):
    user = users.create()
    subscribe(user)
    data = stripe_invoices(user)[0].to_dict()
    invoice_sync.upsert_invoice(data, as_of=2_000_000_000)
    stale = dict(data, status="open", amount_paid=0)
    row = invoice_sync.upsert_invoice(stale, as_of=1_900_000_000)
    assert row.status == "paid" and row.amount_paid == 999 and row.stripe_updated == 2_000_000_000


def test_unknown_customers_and_creator_invoices_are_left_alone(stripe_on, users):
    user = users.create()
    subscribe(user, metadata={"kind": "creator"})
    assert invoice_sync.upsert_invoice(stripe_invoices(user)[0]) is None
    stranger = dict(stripe_invoices(user)[0].to_dict(), customer="cus_nobody")
    assert invoice_sync.upsert_invoice(stranger) is None
    assert db.session.scalar(db.select(db.func.count()).select_from(Invoice)) == 0


def test_a_refund_is_recorded_once_for_the_payer(stripe_on, users):
    user = users.create()
    invoice = synced_invoice(user)
    intent = stripe_client().invoices.retrieve(invoice.stripe_invoice_id).payment_intent
    refund = stripe_client().refunds.create(params={"payment_intent": intent, "amount": 300})
    recorded = invoice_sync.record_refund(refund)
    invoice_sync.record_refund(refund)
    refunds = db.session.scalars(db.select(Payment).filter_by(kind="refund")).all()
    assert [r.id for r in refunds] == [recorded[0].id]
    assert refunds[0].user_id == user.id and refunds[0].amount == 300
    assert refunds[0].stripe_object_id == refund.id and refunds[0].invoice_id == invoice.id


def test_history_is_paginated_newest_first_with_the_seed_shape(stripe_on, client, me):
    user, headers = me
    jan = int(datetime(2024, 1, 15, tzinfo=UTC).timestamp())
    mar = int(datetime(2024, 3, 15, tzinfo=UTC).timestamp())
    old = synced_invoice(user, 500, created=jan)
    mid = synced_invoice(user, 700, created=mar)
    new = synced_invoice(user, 999)
    page = client.get(f"{HISTORY}?page_size=2", headers=headers).get_json()
    assert page["count"] == 3 and page["total_pages"] == 2
    assert [r["id"] for r in page["results"]] == [str(new.id), str(mid.id)]
    first = page["results"][0]
    assert first["amount"] == 9.99 and first["amount_paid"] == 9.99 and first["currency"] == "USD"
    assert first["status"] == "paid" and first["date"].endswith("Z")
    assert first["download_url"] == f"/api/billing/invoices/{new.id}/download/"
    second = client.get(f"{HISTORY}?page=2&page_size=2", headers=headers).get_json()
    assert [r["id"] for r in second["results"]] == [str(old.id)]
    year = client.get(f"{HISTORY}?year=2024", headers=headers).get_json()
    assert [r["amount"] for r in year["results"]] == [7.0, 5.0]
    march = client.get(f"{HISTORY}?year=2024&month=3", headers=headers).get_json()
    assert [r["id"] for r in march["results"]] == [str(mid.id)]


def test_history_filters_are_validated(stripe_on, client, me):
    _, headers = me
    for query in ("month=13&year=2024", "month=3", "year=abc", "page=0"):
        response = client.get(f"{HISTORY}?{query}", headers=headers)
        assert response.status_code == 400, query
        assert response.get_json()["error"] == "validation_error"


def test_history_shows_only_the_callers_invoices(stripe_on, client, me, users, auth):
    user, headers = me
    synced_invoice(users.create())
    assert client.get(HISTORY, headers=headers).get_json()["count"] == 0


def test_invoice_detail_by_either_id_and_404_for_others(stripe_on, client, me, users, auth):
    user, headers = me
    invoice = synced_invoice(user)
    by_ours = client.get(f"/api/billing/invoices/{invoice.id}/", headers=headers).get_json()
    by_stripe = client.get(
        f"/api/billing/invoices/{invoice.stripe_invoice_id}/", headers=headers
    ).get_json()
    assert by_ours == by_stripe
    assert by_ours["lines"][0]["amount"] == 9.99 and by_ours["lines"][0]["quantity"] == 1
    stranger = auth(users.create())
    for path in (f"{invoice.id}/", f"{invoice.id}/download/", f"{invoice.stripe_invoice_id}/"):
        assert client.get(f"/api/billing/invoices/{path}", headers=stranger).status_code == 404


def test_the_invoice_downloads_as_a_real_pdf(stripe_on, client, me):
    user, headers = me
    invoice = synced_invoice(user, 1234)
    for base in ("/api/billing/invoices/", "/api/billing/history/"):
        response = client.get(f"{base}{invoice.id}/download/", headers=headers)
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        number = invoice.number or invoice.stripe_invoice_id
        disposition = response.headers["Content-Disposition"]
        assert disposition == f"attachment; filename=invoice-{number}.pdf"
        pdf = response.data
        assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
        assert f"({'INVOICE ' + number})".encode() in pdf
        assert b"(Total: 12.34 USD)" in pdf
        assert_xref_offsets_are_exact(pdf)


def assert_xref_offsets_are_exact(pdf: bytes) -> None:
    """Every xref entry points at its `N 0 obj`, and startxref at the table."""
    start = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    assert pdf[start:].startswith(b"xref")
    offsets = re.findall(rb"(\d{10}) 00000 n ", pdf)
    for number, offset in enumerate(offsets, start=1):
        assert pdf[int(offset) :].startswith(b"%d 0 obj" % number)


def test_without_keys_history_and_invoices_are_503(client, me):
    _, headers = me
    for path in (HISTORY, "/api/billing/invoices/in_1/", "/api/billing/invoices/in_1/download/"):
        response = client.get(path, headers=headers)
        assert response.status_code == 503 and response.get_json()["error"] == (
            "billing_not_configured"
        )


def test_money_columns_are_integers_never_floats(app):
    from watchparty.billing.models import PromoCode

    for model, names in (
        (Invoice, ("amount_due", "amount_paid")),
        (Payment, ("amount",)),
        (PromoCode, ("amount_off",)),
    ):
        columns = inspect(model).columns
        for name in names:
            assert isinstance(columns[name].type, Integer), (model, name)
