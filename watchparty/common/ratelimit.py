"""Brute-force limits: per client IP and per targeted account (auth adds its 2FA limit)."""

import hashlib

from flask import current_app, request
from flask_jwt_extended import decode_token
from flask_limiter.util import get_remote_address
from jwt import PyJWTError

from watchparty.extensions import limiter


def json_str(field: str) -> str | None:
    """A non-empty string field of the JSON body (or of the form)."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        body = request.form  # the admin console's sign-in form
    value = body.get(field)
    return value if isinstance(value, str) and value else None


def account_key(identity: str) -> str:
    """The limiter key of one account."""
    # Hashed so arbitrarily long submitted emails make short storage keys.
    return "account:" + hashlib.sha256(identity.encode()).hexdigest()


def email_key() -> str:
    """The account a login or email request targets, by its submitted email."""
    email = json_str("email")
    return account_key(email.strip().lower()) if email else get_remote_address()


def account_ip_key() -> str:
    """The submitted email's account together with the client IP, for failed sign-ins."""
    # On the email alone, anyone failing 5 times from anywhere would lock the owner out.
    return f"{email_key()}:ip:{get_remote_address()}"


def bearer_subject() -> str | None:
    """The `sub` of the bearer token, if one is sent and decodes."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    try:
        return decode_token(header[7:]).get("sub")
    except PyJWTError:
        return None


def _config(name: str, default: str):
    return lambda: current_app.config.get(name) or default


def failed(response) -> bool:
    """Only failed attempts count: signing in often is fine, guessing is not."""
    return 400 <= response.status_code < 500 and response.status_code != 429


def per_ip(name: str, default: str, deduct_when=None):
    """A limit named by config `name` on the client IP."""
    return limiter.limit(
        _config(name, default), key_func=get_remote_address, scope="ip", deduct_when=deduct_when
    )


def per_account(key_func, deduct_when=None):
    return limiter.limit(
        _config("ACCOUNT_RATE_LIMIT", "5 per minute"),
        key_func=key_func,
        scope="account",
        deduct_when=deduct_when,
    )


def login_limits(view):
    """Failed attempts: per-IP LOGIN_RATE_LIMIT and per account+IP ACCOUNT_RATE_LIMIT."""
    view = per_account(account_ip_key, failed)(view)
    return per_ip("LOGIN_RATE_LIMIT", "10 per minute", failed)(view)


def _bearer_account() -> str:
    sub = bearer_subject()
    return account_key(sub) if sub else get_remote_address()


def reauth_limits(view):
    """Failed password re-checks by a signed-in caller (change password, 2FA off, deletion)."""
    view = per_account(_bearer_account, failed)(view)
    return per_ip("LOGIN_RATE_LIMIT", "10 per minute", failed)(view)


def created(response) -> bool:
    """Count only writes that stored something (a refused or invalid one costs nothing)."""
    return response.status_code == 201


def writes_per_account(name: str, default: str):
    """A limit named by config `name` on what one signed-in account creates (per IP if none)."""
    return limiter.limit(
        _config(name, default), key_func=_bearer_account, scope=name.lower(), deduct_when=created
    )


def email_limits(view):
    """Requests that send email: per IP, and per target address against mail bombing."""
    view = per_account(email_key)(view)
    return per_ip("EMAIL_RATE_LIMIT", "5 per minute")(view)


def register_limits(view):
    """Account creation per IP."""
    return per_ip("REGISTER_RATE_LIMIT", "20 per hour")(view)
