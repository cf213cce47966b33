"""Who a bearer token is: every token is checked against its session and its user's status."""

import uuid

from flask_jwt_extended import JWTManager

from watchparty.auth.tokens import session_of
from watchparty.errors import error_body
from watchparty.extensions import db
from watchparty.users.models import User


def _json_401(code: str, message: str):
    return error_body(code, message), 401


def register_jwt_callbacks(jwt: JWTManager) -> None:
    """Every token is checked against its session and its user's status on each request."""

    @jwt.user_lookup_loader
    def load_user(_header, payload):
        user = db.session.get(User, uuid.UUID(payload["sub"]))
        return user if user is not None and user.can_sign_in else None

    @jwt.token_in_blocklist_loader
    def is_revoked(_header, payload):
        return session_of(payload) is None

    jwt.unauthorized_loader(lambda reason: _json_401("unauthorized", "Authentication required."))
    jwt.invalid_token_loader(lambda reason: _json_401("token_invalid", "The token is invalid."))
    jwt.expired_token_loader(lambda h, p: _json_401("token_expired", "The token has expired."))
    jwt.revoked_token_loader(lambda h, p: _json_401("token_revoked", "The session was revoked."))
    jwt.user_lookup_error_loader(
        lambda h, p: _json_401("account_inactive", "This account cannot be used.")
    )
