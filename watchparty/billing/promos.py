"""Promotion codes: staff create them (a Stripe coupon first, then the row), users check them,
subscribing redeems them. Codes are case-insensitive and stored upper-case.

Expiry and redemption limits are enforced here, not by Stripe: the coupon carries only the
discount, so one rule decides whether a code is redeemable whichever path asks.
"""

from sqlalchemy import or_

from watchparty.billing.models import PromoCode
from watchparty.billing.money import to_major
from watchparty.billing.stripe_api import call, client, require_configured
from watchparty.common.inserts import commit_unique
from watchparty.common.pagination import paginate
from watchparty.common.types import iso, utcnow
from watchparty.errors import Conflict, ValidationError
from watchparty.extensions import db

INVALID = "invalid_promo_code"


def normalize(code: str) -> str:
    """The stored spelling of a code."""
    return (code or "").strip().upper()


def refusal(promo: PromoCode | None) -> str | None:
    """Why the code cannot be redeemed now, or None when it can."""
    if promo is None:
        return "This promo code does not exist."
    if not promo.is_active:
        return "This promo code is no longer active."
    if promo.expires_at is not None and promo.expires_at <= utcnow():
        return "This promo code has expired."
    if promo.max_redemptions is not None and promo.times_redeemed >= promo.max_redemptions:
        return "This promo code has been used up."
    return None


def redeemable(code: str) -> PromoCode:
    """The promo code if it can be redeemed now; 400 `invalid_promo_code` otherwise."""
    promo = db.session.get(PromoCode, normalize(code)) if normalize(code) else None
    reason = refusal(promo)
    if reason:
        raise ValidationError(reason, code=INVALID, errors={"promo_code": [reason]})
    return promo


def record_redemption(code: str) -> bool:
    """Count one redemption, atomically within max_redemptions; False when none was left.
    Commits."""
    now = utcnow()
    result = db.session.execute(
        db.update(PromoCode)
        .where(
            PromoCode.code == normalize(code),
            PromoCode.is_active.is_(True),
            or_(PromoCode.expires_at.is_(None), PromoCode.expires_at > now),
            or_(
                PromoCode.max_redemptions.is_(None),
                PromoCode.times_redeemed < PromoCode.max_redemptions,
            ),
        )
        .values(times_redeemed=PromoCode.times_redeemed + 1)
    )
    db.session.commit()
    return result.rowcount == 1


def dump(promo: PromoCode) -> dict:
    """A promo code as staff see it (amount_off as 5.00 with its currency)."""
    return {
        "code": promo.code,
        "percent_off": promo.percent_off,
        "amount_off": to_major(promo.amount_off, promo.currency or "usd"),
        "currency": promo.currency.upper() if promo.currency else None,
        "duration": promo.duration,
        "expires_at": iso(promo.expires_at),
        "max_redemptions": promo.max_redemptions,
        "times_redeemed": promo.times_redeemed,
        "is_active": promo.is_active,
        "stripe_coupon_id": promo.stripe_coupon_id,
        "created_at": iso(promo.created_at),
    }


def validate(code: str) -> dict:
    """Whether a code can be used now, with its discount (200 either way)."""
    require_configured()
    try:
        promo = redeemable(code)
    except ValidationError as error:
        return {"valid": False, "code": normalize(code), "reason": error.message}
    return {
        "valid": True,
        "code": promo.code,
        "discount_percent": promo.percent_off,
        "amount_off": to_major(promo.amount_off, promo.currency or "usd"),
        "currency": promo.currency.upper() if promo.currency else None,
        "duration": promo.duration,
        "expires_at": iso(promo.expires_at),
    }


def create(data: dict) -> dict:
    """Create the Stripe coupon, then the code; nothing is stored when Stripe refuses."""
    require_configured()
    code = normalize(data["code"])
    if db.session.get(PromoCode, code) is not None:
        raise Conflict("A promo code with this name exists.", code="promo_code_exists")
    params = {"id": code, "duration": data["duration"], "metadata": {"promo_code": code}}
    if data.get("percent_off") is not None:
        params["percent_off"] = data["percent_off"]
    else:
        params |= {"amount_off": data["amount_off"], "currency": data["currency"]}
    if data["duration"] == "repeating":
        params["duration_in_months"] = data["duration_in_months"]
    coupon = call(lambda: client().coupons.create(params=params))
    promo = PromoCode(
        code=code,
        percent_off=data.get("percent_off"),
        amount_off=data.get("amount_off"),
        currency=data.get("currency") if data.get("amount_off") is not None else None,
        duration=data["duration"],
        expires_at=data.get("expires_at"),
        max_redemptions=data.get("max_redemptions"),
        times_redeemed=0,
        is_active=True,
        stripe_coupon_id=coupon.id,
    )
    db.session.add(promo)
    # Created concurrently under the same code: the loser is told so.
    commit_unique(Conflict("A promo code with this name exists.", code="promo_code_exists"))
    return dump(promo)


def list_codes(page: int, page_size: int) -> dict:
    """Every promo code, newest first (staff)."""
    require_configured()
    stmt = db.select(PromoCode).order_by(PromoCode.created_at.desc(), PromoCode.code)
    return paginate(stmt, page, page_size, lambda rows: [dump(row) for row in rows])
