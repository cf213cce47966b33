"""Social sign-in: authorize URLs, verifying provider credentials, finding or creating users."""

import secrets
import uuid

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from watchparty.auth import social_http as http
from watchparty.auth import social_providers as sp
from watchparty.auth import tokens
from watchparty.auth.models import SocialAccount
from watchparty.auth.service import check_registration_open, complete_sign_in, normalise_email
from watchparty.errors import AppError, Conflict, ValidationError
from watchparty.extensions import db
from watchparty.users import activity
from watchparty.users.models import User

STATE_MAX_AGE = 600  # seconds a person may spend on the provider's consent screen


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="social-state")


def redirect_uri(provider: str) -> str:
    """Where the provider sends the person back: the frontend's callback page."""
    return f"{current_app.config['FRONTEND_URL']}/auth/callback/{provider}"


def authorization(provider: str) -> dict:
    """The provider's authorize URL for this app, with a signed state (and nonce for OIDC)."""
    conf = http.settings(provider)
    nonce = secrets.token_urlsafe(16)
    state = _serializer().dumps({"p": provider, "n": nonce})
    extra: dict = {}
    if "metadata_url" in conf:
        url = http.metadata(provider, conf).get("authorization_endpoint")
        if not url:
            raise http.provider_error(provider)
        extra["nonce"] = nonce
        if provider == "apple":
            extra["response_mode"] = "form_post"  # Apple requires it when asking for name/email
    else:
        url = conf["authorize_url"]
    session = http.client(provider, conf, redirect_uri=redirect_uri(provider))
    with session:
        auth_url, _ = session.create_authorization_url(url, state=state, **extra)
    return {"provider": provider, "authorization_url": auth_url, "state": state}


def _nonce(provider: str, state: str | None) -> str | None:
    """The nonce inside a state we issued; 400 for a forged, stale or foreign state."""
    if not state:
        return None
    try:
        data = _serializer().loads(state, max_age=STATE_MAX_AGE)
    except BadSignature:
        data = None
    if not isinstance(data, dict) or data.get("p") != provider:
        raise ValidationError(
            "The sign-in state is invalid or expired: start the sign-in again.",
            errors={"state": ["Invalid or expired state."]},
            code="invalid_state",
        )
    return data.get("n")


def fetch_profile(provider: str, data: dict) -> sp.Profile:
    """Verify the credential with the provider and return who signed in."""
    conf = http.settings(provider)
    nonce = _nonce(provider, data.get("state"))
    data = {**data, "redirect_uri": data.get("redirect_uri") or redirect_uri(provider)}
    if provider == "google" and data.get("access_token"):
        return sp.google_userinfo(conf, data["access_token"])
    if provider in ("google", "apple"):
        return sp.oidc_profile(provider, conf, data, nonce)
    if provider == "github":
        return sp.github_profile(conf, data)
    return sp.facebook_profile(conf, data)


def sign_in(provider: str, data: dict) -> dict:
    """Social sign-in: verify, find or link or create the user, then complete the sign-in."""
    profile = fetch_profile(provider, data)
    user, created = resolve_user(profile)
    try:
        body = complete_sign_in(user)
    except AppError:
        db.session.rollback()  # a blocked account gains no link
        raise
    db.session.commit()
    return {**body, "created": created}


def _linked_user(profile: sp.Profile) -> User | None:
    stmt = select(User).join(SocialAccount, SocialAccount.user_id == User.id)
    stmt = stmt.where(
        SocialAccount.provider == profile.provider,
        SocialAccount.provider_user_id == profile.uid,
    )
    return db.session.scalar(stmt)


def resolve_user(profile: sp.Profile) -> tuple[User, bool]:
    """The linked user, else the verified-email match (now linked), else a new user."""
    user = _linked_user(profile)
    if user is not None:
        return user, False
    email = normalise_email(profile.email or "")
    if not email or "@" not in email or len(email) > 254:
        raise ValidationError(
            f"{http.title(profile.provider)} did not share a usable email address: "
            "allow access to your email, or register with email and password.",
            code="email_required",
        )
    user = db.session.scalar(select(User).where(User.email == email))
    created = user is None
    try:
        user = _new_user(profile, email) if created else _link_existing(user, profile)
        db.session.add(
            SocialAccount(
                user_id=user.id,
                provider=profile.provider,
                provider_user_id=profile.uid,
                email=email,
            )
        )
        activity.record(user.id, activity.SOCIAL_LINKED, provider=profile.provider)
        db.session.flush()
    except IntegrityError:
        # A parallel first sign-in won the race: use what it stored.
        db.session.rollback()
        user = _linked_user(profile)
        if user is None:
            raise
        return user, False
    return user, created


def _link_existing(user: User, profile: sp.Profile) -> User:
    """Link only on a provider-verified email; claim accounts whose email nobody proved."""
    if not profile.email_verified:
        raise Conflict(
            "An account with this email already exists. Sign in with your password, then "
            f"link {http.title(profile.provider)} from your settings.",
            code="account_exists",
        )
    if not user.is_verified:
        # Whoever registered this unverified account never proved the email was theirs.
        user.password_hash = None
        user.is_verified = True
        tokens.revoke_all(user.id, "email_claimed_by_social_sign_in")
    return user


def _new_user(profile: sp.Profile, email: str) -> User:
    """A passwordless account named after the provider's profile."""
    check_registration_open()
    avatar = profile.avatar if profile.avatar and len(profile.avatar) <= 500 else None
    user = User(
        id=uuid.uuid4(),
        email=email,
        password_hash=None,
        first_name=(profile.first_name or "").strip()[:150],
        last_name=(profile.last_name or "").strip()[:150],
        avatar=avatar,
        is_verified=profile.email_verified,
    )
    db.session.add(user)
    db.session.flush()  # the row must exist before rows that reference it
    activity.record(user.id, activity.ACCOUNT_CREATED, provider=profile.provider)
    return user
