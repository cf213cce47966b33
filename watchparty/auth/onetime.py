"""Emailed single-use tokens: email verification and password reset."""

import hashlib
import logging
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import select, update

from watchparty.auth import tokens
from watchparty.auth.models import UserToken
from watchparty.common.types import utcnow
from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.jobs import job
from watchparty.mail.service import send_template
from watchparty.users import activity
from watchparty.users.models import DELETED, User

log = logging.getLogger(__name__)

VERIFY, RESET = "verify_email", "reset_password"
LIFETIME = {VERIFY: timedelta(hours=48), RESET: timedelta(hours=1)}


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue(user: User, purpose: str) -> str:
    """A fresh token for `purpose`; earlier unused ones stop working (caller commits)."""
    now = utcnow()
    db.session.execute(
        update(UserToken)
        .where(
            UserToken.user_id == user.id,
            UserToken.purpose == purpose,
            UserToken.used_at.is_(None),
        )
        .values(used_at=now)
    )
    raw = secrets.token_urlsafe(32)
    db.session.add(
        UserToken(
            user_id=user.id,
            purpose=purpose,
            token_hash=_hash(raw),
            expires_at=now + LIFETIME[purpose],
        )
    )
    return raw


def consume(raw: str, purpose: str) -> User:
    """Spend a token: its user, or 400 token_invalid when unknown, used or expired."""
    now = utcnow()
    token = db.session.scalar(
        select(UserToken).where(UserToken.token_hash == _hash(raw), UserToken.purpose == purpose)
    )
    # The conditional update makes a token single-use even under concurrent requests.
    spent = (
        token is not None
        and token.expires_at > now
        and db.session.execute(
            update(UserToken)
            .where(UserToken.id == token.id, UserToken.used_at.is_(None))
            .values(used_at=now)
        ).rowcount
        == 1
    )
    user = db.session.get(User, token.user_id) if spent else None
    if user is None or user.status == DELETED:
        db.session.rollback()
        raise ValidationError(
            "This link is invalid or has expired. Request a new one.",
            errors={"token": ["Invalid or expired token."]},
            code="token_invalid",
        )
    return user


def _queue(user: User, template: str, subject: str, link: str) -> bool:
    """Queue an email after the token is committed; False when the queue is unreachable."""
    try:
        send_template(user.email, template, subject, user=user, link=link)
    except Exception:
        log.exception("could not queue %s email for user %s", template, user.id)
        return False
    return True


def send_verification(user: User) -> bool:
    """Email a verification link valid for 48 hours; True when queued."""
    raw = issue(user, VERIFY)
    db.session.commit()
    link = f"{current_app.config['FRONTEND_URL']}/verify-email?token={raw}"
    return _queue(user, "verify_email", "Verify your Watchparty email", link)


def resend_verification(email: str) -> None:
    """Send a new verification link if the account exists and is unverified; silent otherwise."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is not None and not user.is_verified and user.status != DELETED:
        send_verification(user)


def verify_email(raw: str) -> User:
    """Mark the token's account verified."""
    user = consume(raw, VERIFY)
    if not user.is_verified:
        user.is_verified = True
        activity.record(user.id, activity.EMAIL_VERIFIED)
    db.session.commit()
    return user


def forgot_password(email: str) -> None:
    """Queue the reset job for any email: the request path does the same work either way."""
    # Looking the account up here would answer known emails measurably later than unknown ones.
    try:
        send_password_reset.enqueue(email.strip().lower())
    except Exception:
        log.exception("could not queue a password reset job")


@job("email", retries=2, backoff=[5, 30])
def send_password_reset(email: str) -> None:
    """The reset job: email a one-hour reset link if the account exists; nothing otherwise."""
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None or user.status == DELETED:
        return
    raw = issue(user, RESET)
    db.session.commit()
    link = f"{current_app.config['FRONTEND_URL']}/reset-password?token={raw}"
    subject = "Reset your Watchparty password"
    send_template(user.email, "reset_password", subject, user=user, link=link)


def reset_password(raw: str, password: str, confirm: str | None) -> User:
    """Set a new password with a reset token; every session is signed out."""
    from watchparty.auth.service import password_problems, set_password

    token = db.session.scalar(select(UserToken).where(UserToken.token_hash == _hash(raw)))
    owner = db.session.get(User, token.user_id) if token else None
    errors = password_problems(password, confirm, owner.email if owner else None)
    if errors:
        errors = {("new_password" if k == "password" else k): v for k, v in errors.items()}
        raise ValidationError("Invalid input: check the fields in `errors`.", errors=errors)
    user = consume(raw, RESET)
    set_password(user, password)
    user.is_verified = True  # the link arrived by email, which proves the address
    revoked = tokens.revoke_all(user.id, "password_reset")
    activity.record(user.id, activity.PASSWORD_RESET, sessions_revoked=revoked)
    db.session.commit()
    return user
