"""The decorators views use to require a signed-in caller (auth/jwt_callbacks.py says who)."""

import uuid
from functools import wraps

from flask import request
from flask_jwt_extended import (
    current_user,
    get_jwt,
    jwt_required,
    verify_jwt_in_request,
)

from watchparty.errors import Forbidden

__all__ = [
    "admin_required",
    "auth_required",
    "caller",
    "current_session_id",
    "current_user",
    "me",
    "moderator_required",
    "optional_auth",
    "superuser_required",
]


def auth_required(fn):
    """Require a valid access token (Authorization: Bearer …)."""
    return jwt_required()(fn)


def optional_auth(fn):
    """Accept a valid token if one is sent; anonymous otherwise."""
    return jwt_required(optional=True)(fn)


def me():
    """The signed-in user (the model, not the proxy) in an `auth_required` view."""
    return current_user._get_current_object()


def caller():
    """The signed-in user, or None for an anonymous caller of an `optional_auth` view (never
    the proxy: access rules test `user is not None`)."""
    return current_user._get_current_object() if current_user else None


def admin_required(fn):
    """Require an access token belonging to staff or a superuser."""

    @wraps(fn)
    @jwt_required()
    def wrapper(*args, **kwargs):
        if not current_user.is_admin:
            raise Forbidden("Administrator access is required.")
        return fn(*args, **kwargs)

    return wrapper


def moderator_required(fn):
    """Require an access token belonging to a moderator, staff or a superuser."""

    @wraps(fn)
    @jwt_required()
    def wrapper(*args, **kwargs):
        if not current_user.can_moderate:
            raise Forbidden("Moderator access is required.")
        return fn(*args, **kwargs)

    return wrapper


def superuser_required(fn):
    """Require an access token belonging to a superuser (who manages staff)."""

    @wraps(fn)
    @jwt_required()
    def wrapper(*args, **kwargs):
        if not current_user.is_superuser:
            raise Forbidden("Superuser access is required.")
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
