"""Who a Socket.IO connection is: its access token checked as REST checks a bearer token."""

import uuid

from flask_jwt_extended import decode_token

from watchparty.auth.tokens import session_of
from watchparty.errors import Unauthorized
from watchparty.extensions import db
from watchparty.live import session_sockets
from watchparty.users.models import User


def identity_for_token(token: str) -> tuple[uuid.UUID, uuid.UUID]:
    """(user id, session id) of an access token, checked like REST checks it (its session live
    and its own); raises Unauthorized."""
    try:
        payload = decode_token(token)
    except Exception as exc:  # noqa: BLE001 - any decode failure is an invalid token
        raise Unauthorized("The token is invalid or expired.", code="token_invalid") from exc
    if payload.get("type") != "access" or not payload.get("sid") or not payload.get("sub"):
        raise Unauthorized("An access token is required.", code="token_invalid")
    session = session_of(payload)
    if session is None or session_sockets.is_revoked(session.id):
        raise Unauthorized("The session was revoked.", code="token_revoked")
    user = db.session.get(User, session.user_id)
    if user is None or not user.can_sign_in:
        raise Unauthorized("This account cannot be used.", code="account_inactive")
    return user.id, session.id


def load_user(user_id: uuid.UUID) -> User:
    """The user of a connection, fresh from the database, if it may still sign in."""
    user = db.session.get(User, user_id)
    if user is None or not user.can_sign_in:
        raise Unauthorized("This account cannot be used.", code="account_inactive")
    return user
