"""Authentication plumbing: JWT callbacks and the decorators views use."""

import uuid
from functools import wraps

from flask import request
from flask_jwt_extended import (
    JWTManager,
    current_user,
    get_jwt,
    jwt_required,
    verify_jwt_in_request,
)

from watchparty.errors import Forbidden, error_body
from watchparty.extensions import db

__all__ = ["admin_required", "auth_required", "current_user", "current_session_id", "optional_auth"]


def _json_401(code: str, message: str):
    return error_body(code, message), 401


def register_jwt_callbacks(jwt: JWTManager) -> None:
    """Every token is checked against its session and its user's status on each request."""
    from watchparty.users.models import User

    @jwt.user_lookup_loader
    def load_user(_header, payload):
        user = db.session.get(User, uuid.UUID(payload["sub"]))
        return user if user is not None and user.can_sign_in else None

    @jwt.token_in_blocklist_loader
    def is_revoked(_header, payload):
        from watchparty.auth.tokens import session_of

        return session_of(payload) is None

    jwt.unauthorized_loader(lambda reason: _json_401("unauthorized", "Authentication required."))
    jwt.invalid_token_loader(lambda reason: _json_401("token_invalid", "The token is invalid."))
    jwt.expired_token_loader(lambda h, p: _json_401("token_expired", "The token has expired."))
    jwt.revoked_token_loader(lambda h, p: _json_401("token_revoked", "The session was revoked."))
    jwt.user_lookup_error_loader(
        lambda h, p: _json_401("account_inactive", "This account cannot be used.")
    )


def auth_required(fn):
    """Require a valid access token (Authorization: Bearer …)."""
    return jwt_required()(fn)


def optional_auth(fn):
    """Accept a valid token if one is sent; anonymous otherwise."""
    return jwt_required(optional=True)(fn)


def admin_required(fn):
    """Require an access token belonging to staff or a superuser."""

    @wraps(fn)
    @jwt_required()
    def wrapper(*args, **kwargs):
        if not current_user.is_admin:
            raise Forbidden("Administrator access is required.")
        return fn(*args, **kwargs)

    return wrapper


def current_session_id() -> uuid.UUID | None:
    """The session (refresh-token family) of the current access token."""
    sid = get_jwt().get("sid") if request else None
    return uuid.UUID(sid) if sid else None


def verify_admin_request() -> None:
    """Guard for non-API admin pages (RQ dashboard) called with a bearer token."""
    verify_jwt_in_request()
    if not current_user.is_admin:
        raise Forbidden("Administrator access is required.")
