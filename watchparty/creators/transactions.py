"""The caller's transactions: their Payments (subscriptions, tips, creator subscriptions,
refunds), newest first."""

import uuid

from sqlalchemy import select

from watchparty.billing.models import Payment
from watchparty.common.pagination import paginate
from watchparty.common.shown import Shown
from watchparty.extensions import db
from watchparty.users.models import User


def _with_counterparties(payments: list[Payment]) -> list[Shown]:
    """Each payment with its `counterparty` (a User or None), one query for all."""
    ids = {p.counterparty_id for p in payments if p.counterparty_id}
    people: dict[uuid.UUID, User] = {}
    if ids:
        people = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}
    return [Shown(p, counterparty=people.get(p.counterparty_id)) for p in payments]


def list_transactions(user, kind: str | None, page: int, page_size: int) -> dict:
    """A page of the caller's Payments, newest first, maybe of one kind."""
    stmt = select(Payment).where(Payment.user_id == user.id)
    if kind:
        stmt = stmt.where(Payment.kind == kind)
    stmt = stmt.order_by(Payment.created_at.desc(), Payment.id.desc())
    return paginate(stmt, page, page_size, _with_counterparties)
