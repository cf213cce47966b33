"""Admin user management: listing, inspecting, suspending and banning accounts."""

import uuid

from sqlalchemy import Select, and_, func, not_, or_, select

from watchparty.auth import standing, tokens
from watchparty.common.pagination import paginate
from watchparty.common.search import any_contains
from watchparty.common.types import iso, utcnow
from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.site import audit
from watchparty.users.models import ACTIVE, BANNED, SUSPENDED, User

# Kept here for callers of the admin service; the standing logic lives in auth/standing.py.
ACCOUNT_SUSPENDED = standing.ACCOUNT_SUSPENDED
ACCOUNT_UNSUSPENDED = standing.ACCOUNT_UNSUSPENDED
ACCOUNT_BANNED = standing.ACCOUNT_BANNED
ACCOUNT_UNBANNED = standing.ACCOUNT_UNBANNED


def _status_filter(status: str):
    """SQL for the effective status: a timed suspension or ban that has lapsed counts as active."""
    restricted = User.status.in_((SUSPENDED, BANNED))
    lapsed = and_(restricted, User.status_until.is_not(None), User.status_until <= utcnow())
    if status == ACTIVE:
        return or_(User.status == ACTIVE, lapsed)
    if status in (SUSPENDED, BANNED):
        return and_(User.status == status, not_(lapsed))
    return User.status == status


def _subscription_filter(subscription: str):
    current = and_(
        User.is_premium.is_(True),
        or_(User.subscription_expires.is_(None), User.subscription_expires > utcnow()),
    )
    return current if subscription == "active" else not_(current)


def user_query(
    search: str | None = None, status: str | None = None, subscription: str | None = None
) -> Select:
    """The filtered user list, newest first."""
    stmt = select(User)
    if search and search.strip():
        full_name = User.first_name + " " + User.last_name
        fields = (User.email, User.first_name, User.last_name, User.display_name, full_name)
        stmt = stmt.where(any_contains(fields, search.strip()))
    if status:
        stmt = stmt.where(_status_filter(status))
    if subscription:
        stmt = stmt.where(_subscription_filter(subscription))
    return stmt.order_by(User.date_joined.desc(), User.id)


def list_users(page: int, page_size: int, **filters) -> dict:
    """One page of users matching the admin filters (the view's schema serializes them)."""
    return paginate(user_query(**filters), page, page_size)


def get_user(user_id: uuid.UUID) -> User:
    """A user by id, or NotFound."""
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("No user with this id.", code="user_not_found")
    return user


def user_detail(user_id: uuid.UUID) -> User:
    """A user with live session count attached, for the admin detail view."""
    user = get_user(user_id)
    live = select(func.count()).select_from(tokens.live_sessions(user.id).subquery())
    user.sessions_active = db.session.scalar(live)
    return user


def _audited(actor: User, user: User, action: str, reason: str | None = None) -> User:
    """Record the staff action in the audit log and commit it with the change."""
    until = iso(user.status_until) if user.status_until else None
    audit.record(actor.id, action, "user", user.id, reason or "", {"until": until})
    db.session.commit()
    return user


def suspend(actor: User, user_id: uuid.UUID, reason: str | None, duration: int | None) -> User:
    """Suspend an account (optionally for `duration` seconds) and end its sessions."""
    user = standing.suspend(actor, standing.target(actor, user_id), reason, duration)
    return _audited(actor, user, "user.suspend", reason)


def ban(actor: User, user_id: uuid.UUID, reason: str | None, duration: int | None) -> User:
    """Ban an account (optionally for `duration` seconds) and end its sessions."""
    user = standing.ban(actor, standing.target(actor, user_id), reason, duration)
    return _audited(actor, user, "user.ban", reason)


def unsuspend(actor: User, user_id: uuid.UUID) -> User:
    """Lift a suspension; 409 when the user is not suspended."""
    user = standing.lift(actor, standing.target(actor, user_id), SUSPENDED)
    return _audited(actor, user, "user.unsuspend")


def unban(actor: User, user_id: uuid.UUID) -> User:
    """Lift a ban; 409 when the user is not banned."""
    user = standing.lift(actor, standing.target(actor, user_id), BANNED)
    return _audited(actor, user, "user.unban")
