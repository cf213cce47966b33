"""Two-factor authentication: TOTP setup, confirmation, the login step, backup codes."""

import base64
import hashlib
import hmac
import io
import uuid
from datetime import UTC, datetime

import pyotp
import qrcode
from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from watchparty.errors import Conflict, ValidationError
from watchparty.extensions import db
from watchparty.users import activity
from watchparty.users.models import User
from watchparty.users.passwords import check_password

ISSUER = "Watchparty"
BACKUP_CODES = 10
CHALLENGE_MAX_AGE = 300  # seconds a password-verified login may wait for its second factor
_SALT = "watchparty-2fa-login"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def challenge(user: User) -> dict:
    """The login answer when a second factor is needed: a short-lived two_factor_token."""
    token = _serializer().dumps({"uid": str(user.id)})
    return {
        "success": True,
        "requires_2fa": True,
        "two_factor_token": token,
        "message": "Two-factor authentication required: send the code to /api/auth/2fa/verify/.",
    }


def challenge_user_id(token: str) -> uuid.UUID | None:
    """The user id inside a valid, unexpired two_factor_token, or None."""
    try:
        return uuid.UUID(_serializer().loads(token, max_age=CHALLENGE_MAX_AGE)["uid"])
    except (BadSignature, KeyError, TypeError, ValueError):
        return None


def _keyed(code: str) -> str:
    """Backup codes are hashed with the server key so a database dump alone cannot test them."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, _normalise(code).encode(), hashlib.sha256).hexdigest()


def _normalise(code: str) -> str:
    return code.replace("-", "").replace(" ", "").lower()


def _backup_codes(secret: str) -> list[str]:
    """Codes derived from the pending secret: shown at setup, stored (hashed) at confirmation."""
    key = current_app.config["SECRET_KEY"].encode()
    codes = []
    for i in range(BACKUP_CODES):
        digest = hmac.new(key, f"{secret}:{i}".encode(), hashlib.sha256).digest()
        raw = base64.b32encode(digest).decode()[:10].lower()
        codes.append(f"{raw[:5]}-{raw[5:]}")
    return codes


def _qr_png(url: str) -> str:
    buffer = io.BytesIO()
    qrcode.make(url).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def setup(user: User) -> dict:
    """Start (or restart) 2FA setup: a new pending secret, its QR code and backup codes."""
    if user.totp_enabled:
        raise Conflict("Two-factor authentication is already enabled.", code="2fa_already_enabled")
    secret = pyotp.random_base32()
    user.totp_pending_secret = secret
    db.session.commit()
    url = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    return {
        "success": True,
        "secret": secret,
        "qr_code": _qr_png(url),
        "otpauth_url": url,
        "backup_codes": _backup_codes(secret),
    }


def _invalid_code() -> ValidationError:
    return ValidationError(
        "The code is invalid or expired.",
        errors={"code": ["The code is invalid or expired."]},
        code="invalid_code",
    )


def confirm(user: User, code: str) -> dict:
    """Enable 2FA once the authenticator app's first code matches the pending secret."""
    if user.totp_enabled:
        raise Conflict("Two-factor authentication is already enabled.", code="2fa_already_enabled")
    secret = user.totp_pending_secret
    if not secret:
        raise ValidationError("Start two-factor setup first.", code="2fa_not_set_up")
    if not _accept_totp(user, secret, code.strip()):
        raise _invalid_code()
    codes = _backup_codes(secret)
    user.totp_secret, user.totp_pending_secret, user.totp_enabled = secret, None, True
    user.backup_code_hashes = [_keyed(c) for c in codes]
    activity.record(user.id, activity.TWO_FACTOR_ENABLED)
    db.session.commit()
    return {
        "success": True,
        "message": "Two-factor authentication enabled.",
        "backup_codes": codes,
    }


def _accept_totp(user: User, secret: str, code: str) -> bool:
    """A code from the current step or one either side, newer than the last one accepted."""
    totp = pyotp.TOTP(secret)
    now = totp.timecode(datetime.now(UTC))
    for step in (now - 1, now, now + 1):
        fresh = user.totp_last_step is None or step > user.totp_last_step
        # Bytes, because compare_digest refuses non-ASCII str (a client can send anything).
        if fresh and hmac.compare_digest(totp.generate_otp(step).encode(), code.encode()):
            user.totp_last_step = step
            return True
    return False


def _check_code(user: User, code: str) -> bool:
    """A current TOTP code, or an unused backup code (which is then spent)."""
    code = code.strip()
    if user.totp_secret and _accept_totp(user, user.totp_secret, code):
        return True
    hashed = _keyed(code)
    if hashed in (user.backup_code_hashes or []):
        user.backup_code_hashes = [h for h in user.backup_code_hashes if h != hashed]
        return True
    return False


def login_step(two_factor_token: str, code: str) -> dict:
    """Second login step: a valid challenge and code yield the session tokens."""
    from watchparty.auth.service import AccountBlocked, issue_tokens

    uid = challenge_user_id(two_factor_token)
    # Locking the row makes a backup code single-use even under concurrent requests.
    user = db.session.scalar(select(User).where(User.id == uid).with_for_update()) if uid else None
    if user is None or not user.totp_enabled:
        raise ValidationError(
            "The two-factor login has expired or is invalid. Sign in again.",
            errors={"two_factor_token": ["Invalid or expired."]},
            code="token_invalid",
        )
    if not user.can_sign_in:
        raise AccountBlocked(user)
    if not _check_code(user, code):
        db.session.rollback()
        raise _invalid_code()
    return issue_tokens(user)


def verify(user: User | None, code: str, two_factor_token: str | None) -> dict:
    """One endpoint, two jobs: a challenge token means a login step, else confirm setup."""
    if two_factor_token or user is None:
        return login_step(two_factor_token or "", code)
    return confirm(user, code)


def disable(user: User, password: str) -> dict:
    """Turn 2FA off after re-checking the password."""
    if not check_password(user.password_hash, password):
        raise ValidationError(
            "The password is incorrect.",
            errors={"password": ["The password is incorrect."]},
            code="invalid_password",
        )
    if not user.totp_enabled and not user.totp_pending_secret:
        raise ValidationError("Two-factor authentication is not enabled.", code="2fa_not_enabled")
    user.totp_secret = user.totp_pending_secret = user.totp_last_step = None
    user.totp_enabled = False
    user.backup_code_hashes = []
    activity.record(user.id, activity.TWO_FACTOR_DISABLED)
    db.session.commit()
    return {"success": True, "message": "Two-factor authentication disabled."}
