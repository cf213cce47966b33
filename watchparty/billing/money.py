"""Money is integer minor units in storage, shown as the seeds show it (9.99) with a currency."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import marshmallow as ma

from watchparty.errors import ValidationError

ZERO_DECIMAL = {"jpy", "krw", "vnd", "clp", "isk", "ugx", "xaf", "xof"}


def exponent(currency: str) -> int:
    """Digits after the point for `currency`."""
    return 0 if currency.lower() in ZERO_DECIMAL else 2


def to_minor(value, currency: str = "usd", field: str = "amount") -> int:
    """`9.99` (number or string) as 999, exactly; more decimals than the currency has is 400."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise ValidationError("Invalid amount.", errors={field: ["Not a number."]}) from error
    if not amount.is_finite():
        raise ValidationError("Invalid amount.", errors={field: ["Not a number."]})
    scaled = amount.scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        places = exponent(currency)
        raise ValidationError(
            "Invalid amount.", errors={field: [f"At most {places} decimal places."]}
        )
    return int(scaled)


def to_major(minor: int | None, currency: str = "usd") -> float | None:
    """999 as 9.99 for display (never stored)."""
    if minor is None:
        return None
    value = Decimal(minor).scaleb(-exponent(currency))
    return float(value.quantize(Decimal(1).scaleb(-exponent(currency)), ROUND_HALF_UP))


def as_text(minor: int, currency: str = "usd") -> str:
    """999, "usd" as "9.99 USD", for messages people read."""
    return f"{to_major(minor, currency):.{exponent(currency)}f} {currency.upper()}"


class MoneyField(ma.fields.Field):
    """An amount shown as 9.99 and parsed exactly into minor units (the currency's)."""

    def __init__(self, currency_attr: str = "currency", **kwargs):
        super().__init__(**kwargs)
        self.currency_attr = currency_attr

    def _serialize(self, value, attr, obj, **kwargs):
        currency = getattr(obj, self.currency_attr, None) or "usd"
        return to_major(value, currency)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool):
            raise ma.ValidationError("Not a number.")
        try:
            return to_minor(value, data.get("currency") or "usd", attr or "amount")
        except ValidationError as error:
            raise ma.ValidationError(next(iter(error.errors.values()))) from error
