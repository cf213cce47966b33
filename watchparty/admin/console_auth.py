"""Admin console sign-in rules: who may sign in, and who a console cookie belongs to.

The API stays bearer-only. The console cookie is HttpOnly and SameSite=Strict (cross-site requests
never carry it), and requests that change state through it must also come from the same origin.
"""

import uuid
from urllib.parse import urlparse

from flask import request
from flask_jwt_extended import decode_token
from jwt import PyJWTError

from watchparty.auth import service, tokens, twofactor
from watchparty.auth.models import UserSession
from watchparty.errors import Forbidden, Unauthorized
from watchparty.extensions import db
from watchparty.users.models import User

COOKIE = "wp_admin"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def sign_in(email: str, password: str, code: str) -> dict:
    """Password (and 2FA code when enabled) of an administrator → a new session's tokens."""
    user = service.authenticate(email, password)
    if not user.is_admin:
        raise Forbidden("Only administrators can use the admin console.")
    result = service.complete_sign_in(user)
    if result.get("requires_2fa"):
        if not code:
            raise Unauthorized("Enter the code from your authenticator app.", code="2fa_required")
        result = twofactor.login_step(result["two_factor_token"], code)
    return result


def cookie_claims() -> dict | None:
    """The claims of the console cookie's access token, or None when absent or invalid."""
    token = request.cookies.get(COOKIE)
    try:
        claims = decode_token(token) if token else None
    except PyJWTError:
        return None
    return claims if claims and claims.get("type") == "access" and claims.get("sid") else None


def same_origin() -> bool:
    """The request comes from a page of this site (Origin, else Referer)."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    return urlparse(source).netloc == request.host


def console_admin() -> User | None:
    """The administrator signed in to the console by cookie, or None."""
    claims = cookie_claims()
    if claims is None:
        return None
    session = db.session.get(UserSession, uuid.UUID(claims["sid"]))
    user = db.session.get(User, uuid.UUID(claims["sub"]))
    if session is None or not session.is_active or user is None or not user.can_sign_in:
        return None
    if request.method not in SAFE_METHODS and not same_origin():
        raise Forbidden("Cross-origin request refused.", code="cross_origin")
    return user if user.is_admin else None


def sign_out() -> None:
    """Revoke the session behind the console cookie (same-origin requests only)."""
    claims = cookie_claims()
    if claims is None:
        return
    if not same_origin():
        raise Forbidden("Cross-origin request refused.", code="cross_origin")
    session = db.session.get(UserSession, uuid.UUID(claims["sid"]))
    if session is not None:
        tokens.revoke_session(session, "logout")
        db.session.commit()
