"""Views of the admin console's browser sign-in (rules in console_auth.py)."""

from flask import Blueprint, current_app, redirect, render_template, request

from watchparty.admin.console_auth import COOKIE, sign_in, sign_out
from watchparty.common.ratelimit import login_limits
from watchparty.errors import AppError

console = Blueprint("console", __name__)


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
    sign_out()
    response = redirect("/admin/login")
    response.delete_cookie(COOKIE, path="/admin/")
    return response
