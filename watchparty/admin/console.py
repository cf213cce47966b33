"""The admin console's browser sign-in: a cookie scoped to /admin/ for pages like the RQ dashboard.

The API stays bearer-only. The console cookie is HttpOnly and SameSite=Strict (cross-site requests
never carry it), and requests that change state through it must also come from the same origin.
"""

import uuid
from urllib.parse import urlparse

from flask import Blueprint, current_app, redirect, render_template, request
from flask_jwt_extended import decode_token
from jwt import PyJWTError

from watchparty.auth import service, tokens, twofactor
from watchparty.auth.models import UserSession
from watchparty.auth.ratelimit import login_limits
from watchparty.errors import AppError, Forbidden, Unauthorized
from watchparty.extensions import db
from watchparty.users.models import User

console = Blueprint("console", __name__)
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


def _claims() -> dict | None:
    token = request.cookies.get(COOKIE)
    try:
        claims = decode_token(token) if token else None
    except PyJWTError:
        return None
    return claims if claims and claims.get("type") == "access" and claims.get("sid") else None


def _same_origin() -> bool:
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    return urlparse(source).netloc == request.host


def console_admin() -> User | None:
    """The administrator signed in to the console by cookie, or None."""
    claims = _claims()
    if claims is None:
        return None
    session = db.session.get(UserSession, uuid.UUID(claims["sid"]))
    user = db.session.get(User, uuid.UUID(claims["sub"]))
    if session is None or not session.is_active or user is None or not user.can_sign_in:
        return None
    if request.method not in SAFE_METHODS and not _same_origin():
        raise Forbidden("Cross-origin request refused.", code="cross_origin")
    return user if user.is_admin else None


def _next_path() -> str:
    target = request.values.get("next") or "/admin/rq/"
    return target if target.startswith("/admin/") and not target.startswith("//") else "/admin/rq/"


@console.route("/admin/login", methods=["GET", "POST"])
@login_limits
def login():
    """The console sign-in form; on success, set the console cookie and go on."""
    if request.method == "GET":
        return render_template("admin/login.html", next=_next_path())
    form = request.form
    try:
        result = sign_in(form.get("email", ""), form.get("password", ""), form.get("code", ""))
    except AppError as error:
        page = render_template(
            "admin/login.html",
            next=_next_path(),
            error=error.message,
            email=form.get("email", ""),
            needs_code=error.code == "2fa_required",
        )
        return page, error.status
    response = redirect(_next_path())
    response.set_cookie(
        COOKIE,
        result["access_token"],
        httponly=True,
        samesite="Strict",
        path="/admin/",
        secure=current_app.config.get("ENV") == "production",
        max_age=int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds()),
    )
    return response


@console.post("/admin/logout")
def logout():
    """End the console session: revoke it and drop the cookie."""
    claims = _claims()
    if claims is not None:
        if not _same_origin():
            raise Forbidden("Cross-origin request refused.", code="cross_origin")
        session = db.session.get(UserSession, uuid.UUID(claims["sid"]))
        if session is not None:
            tokens.revoke_session(session, "logout")
            db.session.commit()
    response = redirect("/admin/login")
    response.delete_cookie(COOKIE, path="/admin/")
    return response
