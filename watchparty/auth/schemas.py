"""Request and response bodies of the auth domain."""

import marshmallow as ma
from marshmallow import validate

from watchparty.common.schemas import UTCDateTimeField
from watchparty.users.schemas import UserSchema

# Generous bounds that stop absurd input before it reaches argon2; the policy is stricter.
PASSWORD = validate.Length(min=1, max=1024)
TOKEN = validate.Length(min=1, max=2048)


class Input(ma.Schema):
    """Input bodies ignore fields they do not know (clients send extras)."""

    class Meta:
        unknown = ma.EXCLUDE


class RegisterSchema(Input):
    email = ma.fields.Email(required=True, validate=validate.Length(max=254))
    password = ma.fields.String(required=True, validate=PASSWORD)
    confirm_password = ma.fields.String(required=True, validate=PASSWORD)
    first_name = ma.fields.String(required=True, validate=validate.Length(min=1, max=150))
    last_name = ma.fields.String(load_default="", validate=validate.Length(max=150))
    promo_code = ma.fields.String(allow_none=True, validate=validate.Length(max=50))


class LoginSchema(Input):
    email = ma.fields.String(required=True, validate=validate.Length(min=1, max=254))
    password = ma.fields.String(required=True, validate=PASSWORD)


class EmailRequestSchema(Input):
    email = ma.fields.String(required=True, validate=validate.Length(min=1, max=254))


class LogoutSchema(Input):
    refresh_token = ma.fields.String(validate=TOKEN)
    refresh = ma.fields.String(validate=TOKEN)


class RefreshSchema(Input):
    refresh = ma.fields.String(validate=TOKEN)
    refresh_token = ma.fields.String(validate=TOKEN)

    @ma.validates_schema
    def one_token(self, data, **kwargs):
        if not (data.get("refresh") or data.get("refresh_token")):
            raise ma.ValidationError("A refresh token is required.", "refresh")


class EmailTokenSchema(Input):
    token = ma.fields.String(required=True, validate=TOKEN)


class ResetPasswordSchema(EmailTokenSchema):
    new_password = ma.fields.String(required=True, validate=PASSWORD)
    confirm_password = ma.fields.String(required=True, validate=PASSWORD)


class ChangePasswordSchema(Input):
    current_password = ma.fields.String(required=True, validate=PASSWORD)
    new_password = ma.fields.String(required=True, validate=PASSWORD)
    confirm_password = ma.fields.String(validate=PASSWORD)


class ChangePasswordRequiredSchema(ChangePasswordSchema):
    confirm_password = ma.fields.String(required=True, validate=PASSWORD)


class TwoFactorVerifySchema(Input):
    code = ma.fields.String(validate=validate.Length(min=1, max=32))
    token = ma.fields.String(validate=validate.Length(min=1, max=32))
    two_factor_token = ma.fields.String(validate=TOKEN)

    @ma.validates_schema
    def one_code(self, data, **kwargs):
        if not (data.get("code") or data.get("token")):
            raise ma.ValidationError("The 6-digit code (or a backup code) is required.", "code")


class TwoFactorDisableSchema(Input):
    password = ma.fields.String(required=True, validate=PASSWORD)


class UserField(ma.fields.Nested):
    """A `User`; services hand over already-dumped dicts (dump_user), which pass through."""

    def __init__(self, **kwargs):
        super().__init__(UserSchema, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, dict):
            return value
        return super()._serialize(value, attr, obj, **kwargs)


class TokensSchema(ma.Schema):
    success = ma.fields.Boolean()
    message = ma.fields.String()
    access_token = ma.fields.String()
    refresh_token = ma.fields.String()
    user = UserField()


class RegisteredSchema(TokensSchema):
    verification_sent = ma.fields.Boolean()


class SignInSchema(TokensSchema):
    """Tokens, or (2FA on) `requires_2fa` with a `two_factor_token` for /2fa/verify/."""

    requires_2fa = ma.fields.Boolean()
    two_factor_token = ma.fields.String()


class RefreshedSchema(ma.Schema):
    access = ma.fields.String()
    refresh = ma.fields.String()
    access_token = ma.fields.String()
    refresh_token = ma.fields.String()


class TwoFactorSetupSchema(ma.Schema):
    success = ma.fields.Boolean()
    secret = ma.fields.String()
    qr_code = ma.fields.String(metadata={"description": "base64 PNG, no data: prefix"})
    otpauth_url = ma.fields.String()
    backup_codes = ma.fields.List(ma.fields.String())


class TwoFactorVerifiedSchema(SignInSchema):
    backup_codes = ma.fields.List(ma.fields.String())


class AuthSessionSchema(ma.Schema):
    id = ma.fields.UUID()
    device = ma.fields.String(allow_none=True)
    ip_address = ma.fields.String(attribute="ip", allow_none=True)
    user_agent = ma.fields.String(allow_none=True)
    created_at = UTCDateTimeField()
    last_seen = UTCDateTimeField(attribute="last_seen_at")
    expires_at = UTCDateTimeField()
    is_current = ma.fields.Boolean()


class RevokedSchema(ma.Schema):
    success = ma.fields.Boolean()
    message = ma.fields.String()
    revoked = ma.fields.Integer()
