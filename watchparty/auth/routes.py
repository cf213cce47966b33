"""REST views of the auth domain: accounts, tokens, passwords, email verification."""

from watchparty.auth import onetime, service, tokens, twofactor
from watchparty.auth.ratelimit import two_factor_limits
from watchparty.auth.schemas import (
    ChangePasswordRequiredSchema,
    EmailRequestSchema,
    EmailTokenSchema,
    LoginSchema,
    LogoutSchema,
    RefreshedSchema,
    RefreshSchema,
    RegisteredSchema,
    RegisterSchema,
    ResetPasswordSchema,
    SignInSchema,
    TwoFactorVerifiedSchema,
    TwoFactorVerifySchema,
)
from watchparty.auth.security_views import add_security_views
from watchparty.common.auth import auth_required, current_session_id, current_user, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.ratelimit import (
    email_limits,
    login_limits,
    reauth_limits,
    register_limits,
)
from watchparty.common.schemas import MessageSchema, message

blp = Blueprint("auth", __name__, description="Auth")

SAME_ANSWER_RESET = "If an account exists for this email, a password reset link has been sent."
SAME_ANSWER_VERIFY = "If this email belongs to an unverified account, a verification link was sent."


@blp.post("/register/")
@blp.arguments(RegisterSchema)
@blp.response(201, RegisteredSchema)
@register_limits
def register(body: dict):
    """Create an account; returns tokens and queues a verification email."""
    return service.register(body)


@blp.post("/login/")
@blp.arguments(LoginSchema)
@blp.response(200, SignInSchema)
@login_limits
def login(body: dict):
    """Sign in with email and password (or get a 2FA challenge)."""
    return service.login(body["email"], body["password"])


@blp.post("/logout/")
@auth_required
@blp.arguments(LogoutSchema)
@blp.response(200, MessageSchema)
def logout(body: dict):
    """Revoke the given refresh token's session, or the current one."""
    token = body.get("refresh_token") or body.get("refresh")
    service.logout(current_user, current_session_id(), token)
    return message("Successfully logged out.")


@blp.post("/refresh/")
@blp.arguments(RefreshSchema)
@blp.response(200, RefreshedSchema)
def refresh(body: dict):
    """Exchange a refresh token for a new pair; a replayed one ends the session."""
    return tokens.rotate(body.get("refresh") or body["refresh_token"])


@blp.post("/forgot-password/")
@blp.arguments(EmailRequestSchema)
@blp.response(200, MessageSchema)
@email_limits
def forgot_password(body: dict):
    """Email a password reset link; the same answer whether or not the account exists."""
    onetime.forgot_password(body["email"])
    return message(SAME_ANSWER_RESET)


@blp.post("/reset-password/")
@blp.arguments(ResetPasswordSchema)
@blp.response(200, MessageSchema)
def reset_password(body: dict):
    """Set a new password with an emailed token; every session is signed out."""
    onetime.reset_password(body["token"], body["new_password"], body["confirm_password"])
    return message("Password reset successful.")


@blp.post("/change-password/")
@auth_required
@blp.arguments(ChangePasswordRequiredSchema)
@blp.response(200, MessageSchema)
@reauth_limits
def change_password(body: dict):
    """Change the password; every other session is signed out."""
    service.change_password(current_user, current_session_id(), body)
    return message("Password changed successfully.")


@blp.post("/verify-email/")
@blp.arguments(EmailTokenSchema)
@blp.response(200, MessageSchema)
def verify_email(body: dict):
    """Verify the account's email with the emailed token."""
    onetime.verify_email(body["token"])
    return message("Email verified successfully.")


@blp.post("/resend-verification/")
@blp.arguments(EmailRequestSchema)
@blp.response(200, MessageSchema)
@email_limits
def resend_verification(body: dict):
    """Send a new verification link; the same answer for any email."""
    onetime.resend_verification(body["email"])
    return message(SAME_ANSWER_VERIFY)


@blp.post("/2fa/verify/")
@optional_auth
@blp.arguments(TwoFactorVerifySchema)
@blp.response(200, TwoFactorVerifiedSchema)
@two_factor_limits
def two_factor_verify(body: dict):
    """With a two_factor_token: finish a 2FA login. Signed in: confirm setup and enable 2FA."""
    code = body.get("code") or body["token"]
    return twofactor.verify(current_user or None, code, body.get("two_factor_token"))


add_security_views(blp)
