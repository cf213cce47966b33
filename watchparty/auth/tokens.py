"""JWT issue, rotation with reuse detection, and revocation of sessions."""

import uuid

from flask import current_app, request
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token
from jwt import PyJWTError
from sqlalchemy import Select, select, update

from watchparty.auth.models import UserSession
from watchparty.common.types import utcnow
from watchparty.errors import Unauthorized
from watchparty.extensions import db
from watchparty.live import session_sockets
from watchparty.users.models import User


def _client() -> dict:
    ua = (request.headers.get("User-Agent") or "")[:500] if request else None
    return {"ip": request.remote_addr if request else None, "user_agent": ua}


def _device(user_agent: str | None) -> str:
    ua = (user_agent or "").lower()
    for needle, name in (
        ("iphone", "iPhone"),
        ("ipad", "iPad"),
        ("android", "Android"),
        ("windows", "Windows"),
        ("mac os", "Mac"),
        ("linux", "Linux"),
    ):
        if needle in ua:
            return name
    return "Unknown device"


def _pair(user: User, session: UserSession) -> tuple[str, str, str]:
    claims = {"sid": str(session.id)}
    access = create_access_token(identity=str(user.id), additional_claims=claims)
    refresh = create_refresh_token(identity=str(user.id), additional_claims=claims)
    return access, refresh, decode_token(refresh)["jti"]


def start_session(user: User, device: str | None = None) -> dict:
    """Open a new session for `user` and return its first token pair (caller commits)."""
    client = _client()
    session = UserSession(
        id=uuid.uuid4(),
        user_id=user.id,
        current_jti="",
        device=device or _device(client["user_agent"]),
        expires_at=utcnow() + current_app.config["JWT_REFRESH_TOKEN_EXPIRES"],
        **client,
    )
    access, refresh, jti = _pair(user, session)
    session.current_jti = jti
    db.session.add(session)
    user.last_login = utcnow()
    return {"access_token": access, "refresh_token": refresh, "session_id": str(session.id)}


def decode_refresh(token: str) -> dict:
    """Verify a refresh token's signature, expiry and type; raise Unauthorized otherwise."""
    try:
        claims = decode_token(token)
    except PyJWTError as exc:
        raise Unauthorized(
            "The refresh token is invalid or expired.", code="token_invalid"
        ) from exc
    if claims.get("type") != "refresh" or "sid" not in claims:
        raise Unauthorized("A refresh token is required.", code="token_invalid")
    return claims


def session_of(claims: dict) -> UserSession | None:
    """The live session a token's claims name, only if it belongs to the token's `sub`."""
    try:
        session = db.session.get(UserSession, uuid.UUID(str(claims.get("sid"))))
    except ValueError:
        return None
    if session is None or not session.is_active or str(session.user_id) != claims.get("sub"):
        return None
    return session


def rotate(token: str) -> dict:
    """Exchange a refresh token for a new pair; replaying an old one revokes the whole session."""
    claims = decode_refresh(token)
    session = session_of(claims)
    user = db.session.get(User, session.user_id) if session else None
    if session is None or user is None or not user.can_sign_in:
        raise Unauthorized("This session has ended. Sign in again.", code="session_revoked")
    access, refresh, jti = _pair(user, session)
    swapped = db.session.execute(
        update(UserSession)
        .where(
            UserSession.id == session.id,
            UserSession.current_jti == claims["jti"],
            UserSession.revoked_at.is_(None),
        )
        .values(current_jti=jti, last_seen_at=utcnow(), **_client())
    ).rowcount
    if swapped != 1:
        revoke_session(session, "refresh_token_reuse")
        db.session.commit()
        raise Unauthorized(
            "This refresh token was already used; the session has been revoked.",
            code="token_reused",
        )
    db.session.commit()
    return {"access": access, "refresh": refresh, "access_token": access, "refresh_token": refresh}


def revoke_session(session: UserSession, reason: str) -> None:
    """Revoke one session: its tokens stop working and, on commit, its sockets close (caller
    commits)."""
    if session.revoked_at is None:
        session.revoked_at = utcnow()
        session.revoked_reason = reason
    session_sockets.end_after_commit([session.id])


def revoke_all(user_id: uuid.UUID, reason: str, keep: uuid.UUID | None = None) -> int:
    """Revoke every live session of a user except `keep` (their sockets close on commit);
    returns how many (caller commits)."""
    stmt = update(UserSession).where(
        UserSession.user_id == user_id, UserSession.revoked_at.is_(None)
    )
    if keep is not None:
        stmt = stmt.where(UserSession.id != keep)
    stmt = stmt.values(revoked_at=utcnow(), revoked_reason=reason).returning(UserSession.id)
    revoked = db.session.scalars(stmt.execution_options(synchronize_session=False)).all()
    session_sockets.end_after_commit(revoked)
    return len(revoked)


def live_sessions(user_id: uuid.UUID) -> Select:
    """SELECT of the user's sessions that can still refresh (not revoked, not expired)."""
    return select(UserSession).where(
        UserSession.user_id == user_id,
        UserSession.revoked_at.is_(None),
        UserSession.expires_at > utcnow(),
    )
