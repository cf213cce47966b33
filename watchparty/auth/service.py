"""Accounts and sign-in: register, login, logout, refresh, change password."""

import uuid
from functools import cache

from sqlalchemy import select

from watchparty.auth import tokens
from watchparty.common.inserts import commit_unique
from watchparty.common.types import iso, utcnow
from watchparty.errors import Conflict, Forbidden, Unauthorized, ValidationError
from watchparty.extensions import db
from watchparty.site import settings as site_settings
from watchparty.users import activity
from watchparty.users.models import BANNED, DELETED, SUSPENDED, User
from watchparty.users.passwords import check_password, hash_password, policy_errors
from watchparty.users.schemas import dump_user


@cache
def _dummy_hash() -> str:
    # Verifying against a real hash for unknown emails keeps both failure paths equally slow.
    return hash_password("timing-equaliser-not-a-real-password-0")


class AccountBlocked(Forbidden):
    """A suspended or banned account: the error shape plus `reason` and `until`."""

    def __init__(self, user: User) -> None:
        status = user.effective_status
        word = {SUSPENDED: "suspended", BANNED: "banned"}.get(status, "inactive")
        message = f"This account is {word}."
        if user.status_until and status in (SUSPENDED, BANNED):
            message += f" Until {iso(user.status_until)}."
        super().__init__(message, code=f"account_{word}")
        self.reason = user.status_reason if status in (SUSPENDED, BANNED) else None
        self.until = iso(user.status_until) if status in (SUSPENDED, BANNED) else None

    def to_dict(self) -> dict:
        """The error shape with the account's status reason and end time."""
        return super().to_dict() | {"reason": self.reason, "until": self.until}


def issue_tokens(user: User) -> dict:
    """Open a session, record the sign-in and commit; the login response body."""
    pair = tokens.start_session(user)
    activity.record(user.id, activity.SIGN_IN, session_id=pair["session_id"])
    db.session.commit()
    return {
        "success": True,
        "access_token": pair["access_token"],
        "refresh_token": pair["refresh_token"],
        "user": dump_user(user),
    }


def complete_sign_in(user: User) -> dict:
    """Sign in a user whose identity is proven: 403 if blocked, a 2FA challenge, or tokens."""
    if not user.can_sign_in:
        raise AccountBlocked(user)
    if user.totp_enabled:
        from watchparty.auth.twofactor import challenge

        return challenge(user)
    return issue_tokens(user)


def authenticate(email: str, password: str) -> User:
    """The user with these credentials; one 401 for a wrong email or a wrong password."""
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None or user.status == DELETED:
        check_password(_dummy_hash(), password)
        user = None
    if user is None or not check_password(user.password_hash, password):
        raise Unauthorized("Invalid email or password.", code="invalid_credentials")
    return user


def login(email: str, password: str) -> dict:
    """Check the credentials, then complete the sign-in."""
    return complete_sign_in(authenticate(email, password))


def normalise_email(email: str) -> str:
    """Emails compare case-insensitively: store and look them up lowercase."""
    return email.strip().lower()


def password_problems(password: str, confirm: str | None, email: str | None) -> dict:
    """Field errors for a new password and its confirmation ({} when acceptable)."""
    errors: dict = {}
    problems = policy_errors(password, email)
    if problems:
        errors["password"] = problems
    if confirm is not None and confirm != password:
        errors["confirm_password"] = ["Passwords do not match."]
    return errors


def check_registration_open() -> None:
    """Refuse a new account while staff have closed registration (the site setting)."""
    if not site_settings.get("registration_open"):
        raise Forbidden("Registration is closed for now.", code="registration_closed")


def register(data: dict) -> dict:
    """Create an account, sign it in and queue the verification email."""
    check_registration_open()
    email = normalise_email(data["email"])
    errors = password_problems(data["password"], data["confirm_password"], email)
    if errors:
        raise ValidationError("Invalid input: check the fields in `errors`.", errors=errors)
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        raise _email_taken()
    user = User(
        id=uuid.uuid4(),
        email=email,
        password_hash=hash_password(data["password"]),
        first_name=data["first_name"].strip(),
        last_name=data.get("last_name", "").strip(),
    )
    db.session.add(user)
    commit_unique(_email_taken(), flush=True)
    activity.record(user.id, activity.ACCOUNT_CREATED, promo_code=data.get("promo_code"))
    body = issue_tokens(user)
    from watchparty.auth.onetime import send_verification

    sent = send_verification(user)
    message = "Registration successful. Please verify your email."
    return {"message": message, **body, "verification_sent": sent}


def _email_taken() -> Conflict:
    return Conflict(
        "An account with this email already exists.",
        errors={"email": ["An account with this email already exists."]},
        code="email_taken",
    )


def logout(user: User, session_id: uuid.UUID | None, refresh_token: str | None) -> None:
    """Revoke the session of `refresh_token` (it must be the caller's) or the current one."""
    if refresh_token:
        try:
            claims = tokens.decode_refresh(refresh_token)
        except Unauthorized:
            raise ValidationError(
                "The refresh token is invalid.",
                errors={"refresh_token": ["Not a valid refresh token."]},
                code="token_invalid",
            ) from None
        if claims["sub"] != str(user.id):
            raise Forbidden("This refresh token belongs to another account.")
        session_id = uuid.UUID(claims["sid"])
    from watchparty.auth.models import UserSession

    session = db.session.get(UserSession, session_id) if session_id else None
    if session is not None:
        tokens.revoke_session(session, "logout")
    activity.record(user.id, activity.SIGN_OUT, session_id=str(session_id))
    db.session.commit()


def change_password(user: User, keep: uuid.UUID | None, data: dict) -> int:
    """Set a new password after checking the current one; revoke every other session."""
    if not check_password(user.password_hash, data["current_password"]):
        raise ValidationError(
            "The current password is incorrect.",
            errors={"current_password": ["The current password is incorrect."]},
            code="invalid_password",
        )
    errors = password_problems(data["new_password"], data.get("confirm_password"), user.email)
    if errors:
        errors = {("new_password" if k == "password" else k): v for k, v in errors.items()}
        raise ValidationError("Invalid input: check the fields in `errors`.", errors=errors)
    set_password(user, data["new_password"])
    revoked = tokens.revoke_all(user.id, "password_changed", keep=keep)
    activity.record(user.id, activity.PASSWORD_CHANGED, sessions_revoked=revoked)
    db.session.commit()
    return revoked


def set_password(user: User, password: str) -> None:
    """Store a new password hash and when it changed (caller commits)."""
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
