"""REST views of a user's billing account: cards, invoices and history, address, promo codes."""

from flask import Response

from watchparty.billing import address, invoices, payment_methods, promos
from watchparty.billing.account_schemas import (
    AddressOutSchema,
    AddressSchema,
    HistoryQuerySchema,
    InvoiceDetailSchema,
    InvoicePageSchema,
    PaymentMethodAddSchema,
    PaymentMethodListSchema,
    PaymentMethodSchema,
    PromoCodePageSchema,
    PromoCodeSchema,
    PromoCreateSchema,
    PromoValidateSchema,
    PromoValidationSchema,
)
from watchparty.common.auth import admin_required, auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import MessageSchema, message

blp = Blueprint("billing_account_routes", __name__, description="Billing")
METHOD = "/payment-methods/<string(maxlength=100):payment_method_id>"
INVOICE = "<string(maxlength=100):invoice_id>"


@blp.get("/payment-methods/")
@auth_required
@blp.response(200, PaymentMethodListSchema)
def list_payment_methods():
    """The caller's cards and which one is the default."""
    return payment_methods.list_methods(current_user)


@blp.post("/payment-methods/")
@auth_required
@blp.arguments(PaymentMethodAddSchema)
@blp.response(201, PaymentMethodSchema)
def add_payment_method(body):
    """Add a card (a Stripe PaymentMethod id); the first one becomes the default."""
    method = payment_methods.add_method(
        current_user, body["payment_method_id"], body["set_default"]
    )
    return method


@blp.get(f"{METHOD}/")
@auth_required
@blp.response(200, PaymentMethodSchema)
def get_payment_method(payment_method_id: str):
    """One of the caller's cards."""
    return payment_methods.get_method(current_user, payment_method_id)


@blp.delete(f"{METHOD}/")
@auth_required
@blp.response(200, MessageSchema)
def delete_payment_method(payment_method_id: str):
    """Remove a card; removing the default promotes another (409 if it is the last one a
    running subscription is charged to)."""
    return message(payment_methods.delete_method(current_user, payment_method_id))


@blp.post(f"{METHOD}/set-default/")
@auth_required
@blp.response(200, MessageSchema)
def set_default_payment_method(payment_method_id: str):
    """Make a card the default for invoices and payments."""
    payment_methods.set_default(current_user, payment_method_id)
    return message("Default payment method updated.")


@blp.get("/history/")
@auth_required
@blp.arguments(HistoryQuerySchema, location="query")
@blp.response(200, InvoicePageSchema)
def billing_history(query):
    """The caller's invoices, newest first; `year` and `month` narrow them down."""
    page, size = query["page"], query["page_size"]
    return invoices.history(current_user, page, size, query["year"], query["month"])


@blp.get(f"/invoices/{INVOICE}/")
@auth_required
@blp.response(200, InvoiceDetailSchema)
def get_invoice(invoice_id: str):
    """One of the caller's invoices (our id or Stripe's) with its lines."""
    return invoices.dump_detail(invoices.get_invoice(current_user, invoice_id))


@blp.get(f"/history/{INVOICE}/download/")
@blp.get(f"/invoices/{INVOICE}/download/")
@auth_required
@blp.response(200, {"format": "binary", "type": "string"}, content_type="application/pdf")
def download_invoice(invoice_id: str):
    """The invoice as a PDF attachment."""
    body, filename = invoices.pdf(current_user, invoice_id)
    headers = {"Content-Disposition": f"attachment; filename={filename}"}
    return Response(body, mimetype="application/pdf", headers=headers)


@blp.get("/address/")
@auth_required
@blp.response(200, AddressOutSchema)
def get_address():
    """The caller's billing address (works without Stripe keys: it is stored here)."""
    return address.get_address(current_user)


@blp.put("/address/")
@auth_required
@blp.arguments(AddressSchema)
@blp.response(200, AddressOutSchema)
def put_address(body):
    """Replace the billing address, on the Stripe customer and here."""
    return address.update_address(current_user, body)


@blp.post("/promo-code/validate/")
@auth_required
@blp.arguments(PromoValidateSchema)
@blp.response(200, PromoValidationSchema)
def validate_promo_code(body):
    """Whether a promo code can be used now, and its discount."""
    return promos.validate(body["promo_code"])


@blp.post("/promo-codes/")
@admin_required
@blp.arguments(PromoCreateSchema)
@blp.response(201, PromoCodeSchema)
def create_promo_code(body):
    """Create a promo code and its Stripe coupon (staff)."""
    return promos.create(body)


@blp.get("/promo-codes/")
@admin_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, PromoCodePageSchema)
def list_promo_codes(query):
    """Every promo code, newest first (staff)."""
    return promos.list_codes(query["page"], query["page_size"])
