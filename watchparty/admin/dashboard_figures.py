"""The admin dashboard's figures, read from the domains that hold them: each is a total and a
series per UTC day over the chosen window (days without rows count 0)."""

from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import Date, case, cast, distinct, func, select

from watchparty.billing.models import REFUND, Payment
from watchparty.extensions import db
from watchparty.moderation.models import PENDING, ContentReport
from watchparty.parties.models import LIVE, Party
from watchparty.users.models import Activity, User
from watchparty.videos.models import Video

SUCCEEDED = "succeeded"


def _day(column):
    """The UTC calendar day of a timestamp column, on PostgreSQL and SQLite alike."""
    if db.engine.dialect.name == "postgresql":
        return cast(func.timezone("UTC", column), Date)
    return func.date(column)


def _series(stmt, since: datetime, days: int) -> list[dict]:
    """Zero-filled [{date, value}] from rows of (day, value)."""
    found = {str(day)[:10]: int(value or 0) for day, value in db.session.execute(stmt)}
    first: date = since.date()
    return [
        {"date": (key := (first + timedelta(days=n)).isoformat()), "value": found.get(key, 0)}
        for n in range(days)
    ]


def _count(stmt) -> int:
    return int(db.session.scalar(stmt) or 0)


def _counted(column, since: datetime, days: int, *where) -> dict:
    """Rows per day of `column` in the window, the window's total and the all-time total."""
    day = _day(column)
    per_day = select(day, func.count()).where(column >= since, *where).group_by(day)
    table = column.class_
    return {
        "total": _count(select(func.count()).select_from(table).where(*where)),
        "period": _count(select(func.count()).select_from(table).where(column >= since, *where)),
        "series": _series(per_day, since, days),
    }


def signups(since: datetime, days: int) -> dict:
    """Accounts created."""
    return _counted(User.date_joined, since, days)


def active_users(since: datetime, days: int) -> dict:
    """People who did something logged (signed in, changed a setting, …): distinct per day."""
    day = _day(Activity.created_at)
    per_day = (
        select(day, func.count(distinct(Activity.user_id)))
        .where(Activity.created_at >= since)
        .group_by(day)
    )
    period = select(func.count(distinct(Activity.user_id))).where(Activity.created_at >= since)
    return {
        "total": _count(period),
        "period": _count(period),
        "series": _series(per_day, since, days),
    }


def parties(since: datetime, days: int) -> dict:
    """Parties playing now (total), and parties started per day."""
    started = _counted(Party.started_at, since, days)
    live = select(func.count()).select_from(Party).where(Party.status == LIVE)
    return started | {"total": _count(live)}


def uploads(since: datetime, days: int) -> dict:
    """Videos uploaded."""
    return _counted(Video.created_at, since, days)


def revenue(since: datetime, days: int) -> dict:
    """Money received in the billing currency (minor units): payments less refunds."""
    currency = current_app.config.get("BILLING_CURRENCY", "usd")
    signed = func.sum(func.coalesce(_sign() * Payment.amount, 0))
    where = (Payment.status == SUCCEEDED, Payment.currency == currency)
    day = _day(Payment.created_at)
    per_day = select(day, signed).where(Payment.created_at >= since, *where).group_by(day)
    return {
        "total": _count(select(signed).where(*where)),
        "period": _count(select(signed).where(Payment.created_at >= since, *where)),
        "series": _series(per_day, since, days),
        "currency": currency,
    }


def _sign():
    return case((Payment.kind == REFUND, -1), else_=1)


def open_reports(since: datetime, days: int) -> dict:
    """Reports waiting for a decision now (open or assigned); reports filed per day."""
    filed = _counted(ContentReport.created_at, since, days)
    waiting = (
        select(func.count()).select_from(ContentReport).where(ContentReport.status.in_(PENDING))
    )
    return filed | {"total": _count(waiting)}
