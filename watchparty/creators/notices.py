"""What the creators domain tells creators through notifications: a tip received and a new
subscriber (each once: raised by the one transition that settles it). The payer is the actor:
a creator hears nothing from someone they blocked (the sink drops it)."""

from watchparty.billing.money import as_text
from watchparty.common.notify import notify
from watchparty.creators.models import CreatorSubscription, CreatorTier, Tip
from watchparty.extensions import db
from watchparty.users.models import User


def _from(user_id) -> User | None:
    """The person behind a payment (None once their account is gone)."""
    return db.session.get(User, user_id) if user_id else None


def tip_received(tip: Tip) -> None:
    """The creator hears of a succeeded tip, its amount and message."""
    sender = _from(tip.sender_id)
    who = sender.full_name if sender else "Someone"
    note = f": “{tip.message}”" if tip.message else ""
    data = {"tip_id": str(tip.id), "sender_id": str(sender.id) if sender else None}
    if tip.party_id:
        data["party_id"] = str(tip.party_id)
    notify(
        tip.creator_id,
        "tip_received",
        "You received a tip",
        f"{who} tipped you {as_text(tip.amount, tip.currency)}{note}",
        data={k: v for k, v in data.items() if v is not None},
        actor_id=sender.id if sender else None,
    )


def new_subscriber(row: CreatorSubscription) -> None:
    """The creator hears that someone subscribed (the subscription's first entitled state)."""
    subscriber = _from(row.subscriber_id)
    if subscriber is None:
        return
    tier = db.session.get(CreatorTier, row.tier_id) if row.tier_id else None
    to_tier = f" to {tier.name}" if tier is not None else ""
    notify(
        row.creator_id,
        "new_subscriber",
        "New subscriber",
        f"{subscriber.full_name} subscribed{to_tier} ({as_text(row.amount, row.currency)})",
        data={"subscription_id": str(row.id), "subscriber_id": str(subscriber.id)},
        actor_id=subscriber.id,
        collapse_key=f"new_subscriber:{row.creator_id}",
        collapsed="{count} new subscribers",
    )
