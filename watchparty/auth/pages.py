"""Server-rendered pages the emailed links open: verify email, reset password."""

from flask import Blueprint, current_app, render_template, request

from watchparty.auth import onetime
from watchparty.errors import AppError

pages = Blueprint("auth_pages", __name__)

MAX_TOKEN = 2048


def _token(source) -> str:
    token = source.get("token", "")
    return token if isinstance(token, str) and 0 < len(token) <= MAX_TOKEN else ""


def _render(template: str, status: int = 200, **context):
    context.setdefault("frontend_url", current_app.config["FRONTEND_URL"])
    response = current_app.make_response((render_template(template, **context), status))
    # The token is in the URL: keep it out of caches and Referer headers.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@pages.get("/verify-email")
def verify_email_page():
    """Verify the account from the emailed link and show the result."""
    token = _token(request.args)
    try:
        user = onetime.verify_email(token) if token else None
    except AppError as error:
        return _render("auth/verify_email.html", 400, ok=False, error=error.message)
    if user is None:
        return _render("auth/verify_email.html", 400, ok=False, error="The link has no token.")
    return _render("auth/verify_email.html", ok=True, user=user)


@pages.get("/reset-password")
def reset_password_form():
    """The form behind the emailed reset link."""
    token = _token(request.args)
    error = None if token else "The link has no token. Request a new reset email."
    return _render("auth/reset_password.html", token=token, error=error, errors={})


@pages.post("/reset-password")
def reset_password_submit():
    """Reset the password from the form."""
    token = _token(request.form)
    password = request.form.get("new_password", "")
    confirm = request.form.get("confirm_password", "")
    if not token:
        return _render("auth/reset_password.html", 400, error="Missing token.", errors={})
    try:
        onetime.reset_password(token, password[:1024], confirm[:1024])
    except AppError as error:
        keep = token if error.code != "token_invalid" else ""
        return _render(
            "auth/reset_password.html",
            400,
            token=keep,
            error=None if error.errors else error.message,
            errors=error.errors,
        )
    return _render("auth/reset_password.html", done=True)
