"""Tips: a one-time Stripe payment with a message to a creator, maybe shown in their party.

A declined card stores nothing (402): the sender sees the error at once, and no row claims
money that never moved. A card that needs 3-D Secure stores the tip as `requires_action`
(visible to the sender only) until Stripe reports the outcome through
stripe_sync.record_payment_intent.
"""

import uuid

from flask import current_app
from sqlalchemy import select

from watchparty.billing import customers
from watchparty.billing.money import exponent, to_major, to_minor
from watchparty.billing.stripe_api import call, client, require_configured
from watchparty.chat import service as chat_service
from watchparty.chat.models import TIP as TIP_MESSAGE
from watchparty.chat.models import ChatMessage
from watchparty.chat.schemas import dump_message
from watchparty.common.pagination import paginate
from watchparty.common.types import utcnow
from watchparty.creators import profiles, stripe_sync
from watchparty.creators.models import Tip
from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.parties.access import active_member, get_party, require_member
from watchparty.parties.models import Party

PROCESSING = "processing"


def _amount(value, currency: str) -> int:
    """The tip in minor units, exactly, within TIP_MIN_AMOUNT..TIP_MAX_AMOUNT (400 otherwise)."""
    amount = to_minor(value, currency, "amount")
    low = current_app.config["TIP_MIN_AMOUNT"]
    high = current_app.config["TIP_MAX_AMOUNT"]
    if not low <= amount <= high:
        lo, hi = to_major(low, currency), to_major(high, currency)
        raise ValidationError(
            "Invalid tip amount.", errors={"amount": [f"Must be between {lo} and {hi}."]}
        )
    return amount


def _check_party(party_id, creator_id: uuid.UUID, sender_id: uuid.UUID) -> None:
    """A tip sent in a party must be to its host, by an active member."""
    party = get_party(party_id)
    if party.host_id != creator_id:
        raise ValidationError(
            "This creator is not hosting that party.",
            errors={"party_id": ["The creator does not host this party."]},
        )
    require_member(party, sender_id)


def _payment_method(user, payment_method_id: str | None) -> str:
    """The card to charge: the one given (attached to the sender) or their default."""
    if payment_method_id:
        customers.attach_payment_method(user, payment_method_id)
        return payment_method_id
    default = customers.account_of(user.id).default_payment_method_id
    if not default:
        raise ValidationError(
            "Add a payment method first.",
            code="payment_method_required",
            errors={"payment_method_id": ["Required: there is no saved card."]},
        )
    return default


def send_tip(user, body: dict) -> tuple[dict, int]:
    """Charge a tip to the sender's card: 201 succeeded, 202 needs 3-D Secure, 402 declined."""
    require_configured()
    profile = profiles.get_profile(body["creator_id"])
    if profile.user_id == user.id:
        raise ValidationError("You cannot tip yourself.", code="self_tip")
    amount = _amount(body["amount"], profile.currency)
    if body.get("party_id"):
        _check_party(body["party_id"], profile.user_id, user.id)
    method = _payment_method(user, body.get("payment_method_id"))
    tip_id = uuid.uuid4()
    params = {
        "amount": amount,
        "currency": profile.currency,
        "customer": customers.ensure_customer(user),
        "payment_method": method,
        "payment_method_types": ["card"],
        "confirm": True,
        "metadata": {
            "kind": "tip",
            "tip_id": str(tip_id),
            "creator_id": str(profile.user_id),
            "sender_id": str(user.id),
            "party_id": str(body["party_id"]) if body.get("party_id") else "",
        },
    }
    intent = stripe_sync.plain(call(lambda: client().payment_intents.create(params=params)))
    tip = Tip(
        id=tip_id,
        sender_id=user.id,
        creator_id=profile.user_id,
        party_id=body.get("party_id"),
        amount=amount,
        currency=profile.currency,
        message=body.get("message", ""),
        status=PROCESSING,
        stripe_payment_intent_id=intent["id"],
    )
    db.session.add(tip)
    db.session.commit()
    # The same transition a webhook would make: whoever is first settles it, once.
    stripe_sync.record_payment_intent(intent)
    if intent["status"] == "requires_action":
        tip.status = stripe_sync.PENDING
        db.session.commit()
        result = {"status": "requires_action", "requires_action": True, "tip": tip}
        return result | {"client_secret": intent["client_secret"]}, 202
    return {"status": "success", "tip": tip}, 201


def announce(tip: Tip) -> None:
    """Show a succeeded tip in the party it was sent in, as a `tip` chat message, live."""
    if tip.party_id is None or tip.sender_id is None:
        return
    party = db.session.get(Party, tip.party_id)
    if party is None or party.deleted_at is not None or party.host_id != tip.creator_id:
        return
    if active_member(party, tip.sender_id) is None:
        return
    shown = format(to_major(tip.amount, tip.currency), f".{exponent(tip.currency)}f")
    text = f"Tipped {shown} {tip.currency.upper()}" + (f": {tip.message}" if tip.message else "")
    message = ChatMessage(
        party_id=party.id,
        user_id=tip.sender_id,
        text=text,
        message_type=TIP_MESSAGE,
        created_at=utcnow(),
    )
    db.session.add(message)
    db.session.commit()
    extra = {"tip": {"id": str(tip.id), "amount": to_major(tip.amount, tip.currency)}}
    extra["tip"] |= {"currency": tip.currency, "message": tip.message}
    chat_service.broadcast("message", dump_message(message) | extra, party.id)


def received(user, page: int, page_size: int) -> dict:
    """The caller's (a creator's) succeeded tips with their messages, newest first."""
    profile = profiles.require_profile(user.id)
    stmt = (
        select(Tip)
        .where(Tip.creator_id == profile.user_id, Tip.status == stripe_sync.SUCCEEDED)
        .order_by(Tip.created_at.desc(), Tip.id.desc())
    )
    return paginate(stmt, page, page_size)


def sent(user, page: int, page_size: int) -> dict:
    """The caller's tips, any status, newest first."""
    stmt = (
        select(Tip).where(Tip.sender_id == user.id).order_by(Tip.created_at.desc(), Tip.id.desc())
    )
    return paginate(stmt, page, page_size)
