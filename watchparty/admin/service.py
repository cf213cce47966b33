"""Admin user management: listing, inspecting, suspending and banning accounts."""

import uuid
from datetime import timedelta

from sqlalchemy import Select, and_, func, not_, or_, select

from watchparty.auth import tokens
from watchparty.common.pagination import paginate
from watchparty.common.search import any_contains
from watchparty.common.types import iso, utcnow
from watchparty.errors import Conflict, Forbidden, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.users import activity
from watchparty.users.models import ACTIVE, BANNED, DELETED, SUSPENDED, User

ACCOUNT_SUSPENDED = "account_suspended"
ACCOUNT_UNSUSPENDED = "account_unsuspended"
ACCOUNT_BANNED = "account_banned"
ACCOUNT_UNBANNED = "account_unbanned"


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


def _target(actor: User, user_id: uuid.UUID) -> User:
    """The user an admin acts on, after the self and privilege checks."""
    user = get_user(user_id)
    if user.id == actor.id:
        raise ValidationError("You cannot moderate your own account.", code="cannot_moderate_self")
    if user.is_admin and not actor.is_superuser:
        raise Forbidden("Only a superuser can moderate another administrator.")
    if user.status == DELETED:
        raise Conflict("This account has been deleted.", code="account_deleted")
    return user


def _restrict(user: User, status: str, reason: str | None, duration: int | None) -> None:
    user.status = status
    user.status_reason = reason or None
    user.status_until = utcnow() + timedelta(seconds=duration) if duration else None
    # Tokens issued before the restriction must stop working at once, not when they expire.
    tokens.revoke_all(user.id, f"account_{status}")


def _record(user: User, type_: str, actor: User, **data) -> None:
    entry = activity.record(user.id, type_, by=str(actor.id), **data)
    # The target can read their activity log: it must not reveal the admin's IP or browser.
    entry.ip = entry.user_agent = None


def suspend(actor: User, user_id: uuid.UUID, reason: str | None, duration: int | None) -> User:
    """Suspend an account (optionally for `duration` seconds) and end its sessions."""
    user = _target(actor, user_id)
    if user.effective_status == BANNED:
        raise Conflict("This user is banned; unban them first.", code="user_banned")
    _restrict(user, SUSPENDED, reason, duration)
    _record(user, ACCOUNT_SUSPENDED, actor, reason=reason, until=iso(user.status_until))
    db.session.commit()
    return user


def ban(actor: User, user_id: uuid.UUID, reason: str | None, duration: int | None) -> User:
    """Ban an account (optionally for `duration` seconds) and end its sessions."""
    user = _target(actor, user_id)
    _restrict(user, BANNED, reason, duration)
    _record(user, ACCOUNT_BANNED, actor, reason=reason, until=iso(user.status_until))
    db.session.commit()
    return user


def _lift(actor: User, user_id: uuid.UUID, status: str, type_: str) -> User:
    user = _target(actor, user_id)
    if user.effective_status != status:
        raise Conflict(f"This user is not {status}.", code=f"not_{status}")
    user.status, user.status_reason, user.status_until = ACTIVE, None, None
    _record(user, type_, actor)
    db.session.commit()
    return user


def unsuspend(actor: User, user_id: uuid.UUID) -> User:
    """Lift a suspension; 409 when the user is not suspended."""
    return _lift(actor, user_id, SUSPENDED, ACCOUNT_UNSUSPENDED)


def unban(actor: User, user_id: uuid.UUID) -> User:
    """Lift a ban; 409 when the user is not banned."""
    return _lift(actor, user_id, BANNED, ACCOUNT_UNBANNED)
