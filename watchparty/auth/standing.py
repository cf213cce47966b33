"""An account's standing: suspending, banning and reinstating it, for every staff surface (the
admin console and moderation decisions). Nothing here commits: the caller commits the change
with its own rows (an audit entry, a report's resolution)."""

import uuid
from datetime import timedelta

from watchparty.auth import tokens
from watchparty.common.types import iso, utcnow
from watchparty.errors import Conflict, Forbidden, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.users import activity
from watchparty.users.models import ACTIVE, BANNED, DELETED, SUSPENDED, User

ACCOUNT_SUSPENDED = "account_suspended"
ACCOUNT_UNSUSPENDED = "account_unsuspended"
ACCOUNT_BANNED = "account_banned"
ACCOUNT_UNBANNED = "account_unbanned"


def target(actor: User, user_id: uuid.UUID) -> User:
    """The user staff act on, after the self and privilege checks."""
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("No user with this id.", code="user_not_found")
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
    # The target can read their activity log: it must not reveal the staff member's IP or browser.
    entry.ip = entry.user_agent = None


def suspend(actor: User, user: User, reason: str | None, duration: int | None) -> User:
    """Suspend an account (optionally for `duration` seconds) and end its sessions."""
    if user.effective_status == BANNED:
        raise Conflict("This user is banned; unban them first.", code="user_banned")
    _restrict(user, SUSPENDED, reason, duration)
    _record(user, ACCOUNT_SUSPENDED, actor, reason=reason, until=iso(user.status_until))
    return user


def ban(actor: User, user: User, reason: str | None, duration: int | None) -> User:
    """Ban an account (optionally for `duration` seconds) and end its sessions."""
    _restrict(user, BANNED, reason, duration)
    _record(user, ACCOUNT_BANNED, actor, reason=reason, until=iso(user.status_until))
    return user


def lift(actor: User, user: User, status: str) -> User:
    """Reinstate a suspended or banned account; 409 when it is not in that status."""
    if user.effective_status != status:
        raise Conflict(f"This user is not {status}.", code=f"not_{status}")
    user.status, user.status_reason, user.status_until = ACTIVE, None, None
    _record(user, ACCOUNT_UNSUSPENDED if status == SUSPENDED else ACCOUNT_UNBANNED, actor)
    return user
