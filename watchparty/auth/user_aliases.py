"""Account-security views also reachable under /api/users/ (sessions, 2FA, password)."""

from watchparty.auth import service, twofactor
from watchparty.auth.schemas import ChangePasswordSchema, TwoFactorSetupSchema
from watchparty.auth.security_views import add_security_views
from watchparty.common.auth import auth_required, current_session_id, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.ratelimit import reauth_limits
from watchparty.common.schemas import MessageSchema, message

blp = Blueprint(
    "account-security", __name__, description="Sessions, 2FA and password under /api/users/"
)

add_security_views(blp)


@blp.post("/2fa/enable/")
@auth_required
@blp.response(200, TwoFactorSetupSchema)
def two_factor_enable():
    """Start 2FA setup (same as /2fa/setup/); confirm with /api/auth/2fa/verify/."""
    return twofactor.setup(current_user)


@blp.put("/password/")
@auth_required
@blp.arguments(ChangePasswordSchema)
@blp.response(200, MessageSchema)
@reauth_limits
def change_password(body: dict):
    """Change the password (confirm_password optional); other sessions are signed out."""
    service.change_password(current_user, current_session_id(), body)
    return message("Password changed successfully.")
