"""The caller's transactions: their Payments (subscriptions, tips, creator subscriptions,
refunds), newest first."""

import uuid

from sqlalchemy import select

from watchparty.billing.models import Payment
from watchparty.common.pagination import paginate
from watchparty.creators.schemas import PaymentTransactionSchema
from watchparty.extensions import db
from watchparty.users.models import User
from watchparty.users.schemas import dump_brief

_schema = PaymentTransactionSchema()


def _dump(payments: list[Payment]) -> list[dict]:
    """Payments as transactions, each with its counterparty's brief (one query for all)."""
    ids = {p.counterparty_id for p in payments if p.counterparty_id}
    people: dict[uuid.UUID, User] = {}
    if ids:
        people = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}
    out = []
    for payment in payments:
        person = people.get(payment.counterparty_id)
        out.append(_schema.dump(payment) | {"counterparty": dump_brief(person) if person else None})
    return out


def list_transactions(user, kind: str | None, page: int, page_size: int) -> dict:
    """A page of the caller's Payments, newest first, maybe of one kind."""
    stmt = select(Payment).where(Payment.user_id == user.id)
    if kind:
        stmt = stmt.where(Payment.kind == kind)
    stmt = stmt.order_by(Payment.created_at.desc(), Payment.id.desc())
    return paginate(stmt, page, page_size, _dump)
