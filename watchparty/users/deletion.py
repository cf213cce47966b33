"""Account deletion: anonymize the user row, remove everything personal hanging off it.

The row itself stays (status DELETED) so foreign keys from parties, chat and payments keep
pointing somewhere; later domains add their own clean-up with `register_cleanup`.
"""

import uuid
from collections.abc import Callable

from sqlalchemy import delete, select

from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.users import settings
from watchparty.users.avatar import is_stored_key
from watchparty.users.models import DELETED, Activity, DataExport, User
from watchparty.users.passwords import check_password

CONFIRMATION = "DELETE"
# A cleanup may return a callback to run once the deletion is committed (e.g. to notify
# sockets): telling clients about a change that then rolls back would be a lie.
AfterCommit = Callable[[], None]
Cleanup = Callable[[User], AfterCommit | None]
_cleanups: list[Cleanup] = []


def register_cleanup(fn: Cleanup) -> Cleanup:
    """Run `fn(user)` inside the deletion transaction (no commit); it may return an after-commit."""
    if fn not in _cleanups:
        _cleanups.append(fn)
    return fn


def deleted_email(user_id: uuid.UUID) -> str:
    """The placeholder address that frees the real one for a new registration."""
    return f"deleted-{user_id}@deleted.invalid"


def _check(user: User, password: str | None, confirmation: str) -> None:
    """Raise with every problem at once: wrong confirmation and/or password."""
    errors = {}
    if confirmation != CONFIRMATION:
        errors["confirmation"] = [f'Type "{CONFIRMATION}" to confirm.']
    if user.password_hash and not check_password(user.password_hash, password or ""):
        errors["password"] = ["The password is incorrect."]
    if errors:
        raise ValidationError("The account was not deleted.", errors=errors)


def _anonymize(user: User) -> None:
    """Blank every personal field of the row and mark it deleted."""
    user.email = deleted_email(user.id)
    user.first_name = user.last_name = ""
    user.display_name = user.bio = user.location = user.website = user.avatar = None
    user.password_hash = user.totp_secret = user.totp_pending_secret = user.totp_last_step = None
    user.totp_enabled = False
    user.backup_code_hashes = []
    user.onboarding_steps = []
    user.is_verified = False
    user.status, user.status_reason, user.status_until = DELETED, "deleted by user", None
    settings.reset(user)


def delete_account(user: User, password: str | None, confirmation: str) -> None:
    """Check password and confirmation, then anonymize and purge in one transaction."""
    _check(user, password, confirmation)
    files = [user.avatar] if is_stored_key(user.avatar) else []
    files += db.session.scalars(
        select(DataExport.file_key).where(
            DataExport.user_id == user.id, DataExport.file_key.is_not(None)
        )
    ).all()
    for model in (Activity, DataExport):
        db.session.execute(delete(model).where(model.user_id == user.id))
    # Sessions, tokens and linked identities go in auth's clean-up (auth/hooks.py).
    after = [cleanup(user) for cleanup in _cleanups]
    _anonymize(user)
    db.session.commit()
    for callback in filter(None, after):
        callback()
    # Files go only after the commit: a failed transaction must not lose them.
    for key in files:
        storage().delete(key)
