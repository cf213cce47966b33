"""The activity log: what happened on an account, shown on the dashboard."""

import uuid

from flask import has_request_context, request
from sqlalchemy import select

from watchparty.common.pagination import paginate
from watchparty.extensions import db
from watchparty.users.models import Activity

SIGN_IN = "sign_in"
SIGN_OUT = "sign_out"
ACCOUNT_CREATED = "account_created"
PASSWORD_CHANGED = "password_changed"
PASSWORD_RESET = "password_reset"
EMAIL_VERIFIED = "email_verified"
TWO_FACTOR_ENABLED = "2fa_enabled"
TWO_FACTOR_DISABLED = "2fa_disabled"
SESSION_REVOKED = "session_revoked"
PROFILE_UPDATED = "profile_updated"
SOCIAL_LINKED = "social_linked"


def record(user_id: uuid.UUID, type_: str, **data) -> Activity:
    """Add one activity entry for `user_id` (the caller's transaction commits it)."""
    entry = Activity(user_id=user_id, type=type_, data=data)
    if has_request_context():
        entry.ip = request.remote_addr
        entry.user_agent = (request.headers.get("User-Agent") or "")[:500] or None
    db.session.add(entry)
    return entry


def page(user, page: int, page_size: int, type_: str | None = None) -> dict:
    """The user's activity log, newest first, as a page (also keyed `activities`/`total`)."""
    stmt = select(Activity).where(Activity.user_id == user.id)
    if type_:
        stmt = stmt.where(Activity.type == type_)
    stmt = stmt.order_by(Activity.created_at.desc(), Activity.id.desc())
    # party / video stay null until those domains exist and resolve ids found in `data`.
    page_body = paginate(stmt, page, page_size)
    return page_body | {"activities": page_body["results"], "total": page_body["count"]}
