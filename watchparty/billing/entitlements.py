"""What a user's subscriptions grant: the user's premium flag and expiry follow them."""

import uuid

from sqlalchemy import select

from watchparty.billing.models import ENTITLED, Plan, Subscription
from watchparty.extensions import db
from watchparty.users.models import User


def entitled_subscription(user_id: uuid.UUID, premium_only: bool = False) -> Subscription | None:
    """The user's entitled (active or trialing) subscription, premium plans first."""
    query = (
        select(Subscription)
        .join(Plan, Plan.id == Subscription.plan_id)
        .where(Subscription.user_id == user_id, Subscription.status.in_(ENTITLED))
    )
    if premium_only:
        query = query.where(Plan.is_premium.is_(True))
    order = (Plan.is_premium.desc(), Plan.amount.desc(), Subscription.created_at.desc())
    return db.session.scalar(query.order_by(*order).limit(1))


def apply(user_id: uuid.UUID) -> None:
    """Set `is_premium` and `subscription_expires` from the user's subscriptions. Commits."""
    user = db.session.get(User, user_id)
    if user is None:
        return
    subscription = entitled_subscription(user_id, premium_only=True)
    user.is_premium = subscription is not None
    user.subscription_expires = subscription.current_period_end if subscription else None
    db.session.commit()
