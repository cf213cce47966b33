"""Two-factor and session views, mounted under both /api/auth/ and /api/users/."""

import uuid

from watchparty.auth import sessions, twofactor
from watchparty.auth.schemas import (
    AuthSessionSchema,
    RevokedSchema,
    TwoFactorDisableSchema,
    TwoFactorSetupSchema,
)
from watchparty.common.auth import auth_required, current_session_id, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.ratelimit import reauth_limits
from watchparty.common.schemas import MessageSchema, message

SessionPage = page_of(AuthSessionSchema, "AuthSessionPage")


def add_security_views(blp: Blueprint) -> None:
    """Register the 2FA setup/disable and session views on `blp`."""

    @blp.post("/2fa/setup/")
    @auth_required
    @blp.response(200, TwoFactorSetupSchema)
    def two_factor_setup():
        """Start 2FA setup: secret, QR code (base64 PNG) and backup codes."""
        return twofactor.setup(current_user)

    @blp.route("/2fa/disable/", methods=["DELETE", "POST"])
    @auth_required
    @blp.arguments(TwoFactorDisableSchema)
    @blp.response(200, MessageSchema)
    @reauth_limits
    def two_factor_disable(body: dict):
        """Turn 2FA off (needs the password)."""
        return twofactor.disable(current_user, body["password"])

    @blp.get("/sessions/")
    @auth_required
    @blp.arguments(PageQuerySchema, location="query")
    @blp.response(200, SessionPage)
    def list_sessions(query: dict):
        """The signed-in devices of the caller; `is_current` marks this one."""
        return sessions.list_sessions(
            current_user, current_session_id(), query["page"], query["page_size"]
        )

    @blp.route("/sessions/revoke-all/", methods=["DELETE", "POST"])
    @auth_required
    @blp.response(200, RevokedSchema)
    def revoke_all_sessions():
        """Sign out every other device; this session stays."""
        count = sessions.revoke_others(current_user, current_session_id())
        return message("All other sessions have been revoked.", revoked=count)

    @blp.delete("/sessions/<uuid:session_id>/")
    @auth_required
    @blp.response(200, MessageSchema)
    def revoke_session(session_id: uuid.UUID):
        """Sign out one device: its tokens stop working."""
        sessions.revoke(current_user, session_id)
        return message("Session revoked.")
