"""The activity log: what happened on an account, shown on the dashboard."""

import uuid

from flask import has_request_context, request

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
