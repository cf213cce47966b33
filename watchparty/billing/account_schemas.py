"""Bodies, queries and representations of payment methods, invoices, address and promo codes."""

import re
from datetime import UTC

import marshmallow as ma

from watchparty.billing.money import MoneyField
from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.common.types import utcnow

STRIPE_ID = ma.validate.Regexp(r"^[A-Za-z0-9_]{3,100}$", error="Not a Stripe id.")
# Every ISO 3166-1 alpha-2 code is two capital letters; Stripe rejects unassigned ones itself.
COUNTRY = re.compile(r"^[A-Z]{2}$")
CURRENCY = ma.validate.Regexp(r"^[a-z]{3}$", error="A three-letter ISO 4217 code.")


def _text(max_length: int, required: bool = False) -> ma.fields.String:
    validate = ma.validate.Length(min=1 if required else 0, max=max_length)
    if required:
        return ma.fields.String(required=True, validate=validate)
    return ma.fields.String(load_default=None, allow_none=True, validate=validate)


class PaymentMethodSchema(ma.Schema):
    """A card as Stripe describes it (never its number)."""

    id = ma.fields.String()
    type = ma.fields.String()
    brand = ma.fields.String(allow_none=True)
    last4 = ma.fields.String(allow_none=True)
    exp_month = ma.fields.Integer(allow_none=True)
    exp_year = ma.fields.Integer(allow_none=True)
    is_default = ma.fields.Boolean()


class PaymentMethodListSchema(ma.Schema):
    """The user's cards and the default's id."""

    payment_methods = ma.fields.List(ma.fields.Nested(PaymentMethodSchema))
    default_payment_method = ma.fields.String(allow_none=True)


class PaymentMethodAddSchema(ma.Schema):
    """A PaymentMethod id made by Stripe.js; `set_default` makes it the invoice default."""

    payment_method_id = ma.fields.String(required=True, validate=STRIPE_ID)
    set_default = ma.fields.Boolean(load_default=False)


class HistoryQuerySchema(PageQuerySchema):
    """`page`, `page_size`, and an optional `year` (with an optional `month`)."""

    year = ma.fields.Integer(validate=ma.validate.Range(min=2000, max=2100), load_default=None)
    month = ma.fields.Integer(validate=ma.validate.Range(min=1, max=12), load_default=None)


class InvoiceSchema(ma.Schema):
    """An invoice in billing history; money as 9.99 in `currency`."""

    id = ma.fields.String()
    stripe_invoice_id = ma.fields.String()
    number = ma.fields.String()
    status = ma.fields.String()
    amount = ma.fields.Float()
    amount_due = ma.fields.Float()
    amount_paid = ma.fields.Float()
    currency = ma.fields.String()
    date = ma.fields.String()
    period_start = ma.fields.String(allow_none=True)
    period_end = ma.fields.String(allow_none=True)
    paid_at = ma.fields.String(allow_none=True)
    description = ma.fields.String()
    download_url = ma.fields.String()


class InvoiceLineSchema(ma.Schema):
    """One line of an invoice."""

    description = ma.fields.String()
    amount = ma.fields.Float()
    quantity = ma.fields.Integer()
    period_start = ma.fields.String(allow_none=True)
    period_end = ma.fields.String(allow_none=True)


class InvoiceDetailSchema(InvoiceSchema):
    """An invoice with its lines."""

    lines = ma.fields.List(ma.fields.Nested(InvoiceLineSchema))


InvoicePageSchema = page_of(InvoiceSchema, "InvoicePage")


class AddressSchema(ma.Schema):
    """A postal billing address; `country` is ISO 3166-1 alpha-2 (e.g. US)."""

    class Meta:
        unknown = ma.RAISE

    line1 = _text(200, required=True)
    line2 = _text(200)
    city = _text(100, required=True)
    state = _text(100)
    postal_code = _text(20, required=True)
    country = ma.fields.String(required=True)

    @ma.pre_load
    def trim(self, data, **kwargs):
        """Blanks around values are not part of an address."""
        if not isinstance(data, dict):
            return data
        return {k: v.strip() if isinstance(v, str) else v for k, v in data.items()}

    @ma.validates("country")
    def country_code(self, value, **kwargs):
        """Two letters, any case, stored upper-case."""
        if not COUNTRY.match(value.upper()):
            raise ma.ValidationError("An ISO 3166-1 alpha-2 country code, e.g. US.")

    @ma.post_load
    def upper_country(self, data, **kwargs):
        data["country"] = data["country"].upper()
        return data


class AddressOutSchema(ma.Schema):
    """The stored billing address (nulls when none was given)."""

    line1 = ma.fields.String(allow_none=True)
    line2 = ma.fields.String(allow_none=True)
    city = ma.fields.String(allow_none=True)
    state = ma.fields.String(allow_none=True)
    postal_code = ma.fields.String(allow_none=True)
    country = ma.fields.String(allow_none=True)


class PromoValidateSchema(ma.Schema):
    """`promo_code` to check."""

    promo_code = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=50))


class PromoValidationSchema(ma.Schema):
    """Whether a code is valid now; its discount, or the reason it is not."""

    valid = ma.fields.Boolean()
    code = ma.fields.String()
    discount_percent = ma.fields.Integer(allow_none=True)
    amount_off = ma.fields.Float(allow_none=True)
    currency = ma.fields.String(allow_none=True)
    duration = ma.fields.String()
    expires_at = ma.fields.String(allow_none=True)
    reason = ma.fields.String()


class PromoCreateSchema(ma.Schema):
    """A new code: `percent_off` (1-100) or `amount_off` (5.00) with `currency`."""

    code = ma.fields.String(
        required=True,
        validate=ma.validate.Regexp(
            r"^[A-Za-z0-9_-]{3,50}$", error="3-50 letters, digits, - or _."
        ),
    )
    percent_off = ma.fields.Integer(allow_none=True, validate=ma.validate.Range(min=1, max=100))
    amount_off = MoneyField(allow_none=True, validate=ma.validate.Range(min=1))
    currency = ma.fields.String(validate=CURRENCY)
    duration = ma.fields.String(
        load_default="once", validate=ma.validate.OneOf(["once", "forever", "repeating"])
    )
    duration_in_months = ma.fields.Integer(validate=ma.validate.Range(min=1, max=36))
    expires_at = UTCDateTimeField(load_default=None, allow_none=True)
    max_redemptions = ma.fields.Integer(
        load_default=None, allow_none=True, validate=ma.validate.Range(min=1)
    )

    @ma.pre_load
    def lower_currency(self, data, **kwargs):
        """Currencies are compared lower-case, as Stripe does."""
        if isinstance(data, dict) and isinstance(data.get("currency"), str):
            data = dict(data, currency=data["currency"].strip().lower())
        return data

    @ma.validates_schema
    def one_discount(self, data, **kwargs):
        """Exactly one kind of discount; a currency with an amount; months when repeating."""
        percent, amount = data.get("percent_off"), data.get("amount_off")
        if (percent is None) == (amount is None):
            raise ma.ValidationError("Give percent_off or amount_off, not both.", "percent_off")
        if amount is not None and not data.get("currency"):
            raise ma.ValidationError("Required with amount_off.", "currency")
        if data.get("duration") == "repeating" and not data.get("duration_in_months"):
            raise ma.ValidationError("Required when duration is repeating.", "duration_in_months")
        expires = data.get("expires_at")
        if expires is not None:
            expires = expires if expires.tzinfo else expires.replace(tzinfo=UTC)
            if expires <= utcnow():
                raise ma.ValidationError("Must be in the future.", "expires_at")


class PromoCodeSchema(ma.Schema):
    """A promo code as staff see it."""

    code = ma.fields.String()
    percent_off = ma.fields.Integer(allow_none=True)
    amount_off = ma.fields.Float(allow_none=True)
    currency = ma.fields.String(allow_none=True)
    duration = ma.fields.String()
    expires_at = ma.fields.String(allow_none=True)
    max_redemptions = ma.fields.Integer(allow_none=True)
    times_redeemed = ma.fields.Integer()
    is_active = ma.fields.Boolean()
    stripe_coupon_id = ma.fields.String(allow_none=True)
    created_at = ma.fields.String()


PromoCodePageSchema = page_of(PromoCodeSchema, "PromoCodePage")
