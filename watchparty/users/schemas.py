"""User representations: the client's `User` type (seed 004)."""

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField


class UserSchema(ma.Schema):
    """The `User` shape every client parses."""

    id = ma.fields.UUID(dump_only=True)
    email = ma.fields.Email(dump_only=True)
    first_name = ma.fields.String()
    last_name = ma.fields.String()
    full_name = ma.fields.String(dump_only=True)
    avatar = ma.fields.Method("avatar_url", dump_only=True, allow_none=True)
    is_premium = ma.fields.Boolean(dump_only=True)
    subscription_expires = UTCDateTimeField(dump_only=True, allow_none=True)
    is_subscription_active = ma.fields.Boolean(dump_only=True)
    date_joined = UTCDateTimeField(dump_only=True)
    last_login = UTCDateTimeField(dump_only=True, allow_none=True)
    is_staff = ma.fields.Boolean(dump_only=True)
    is_superuser = ma.fields.Boolean(dump_only=True)
    isVerified = ma.fields.Boolean(attribute="is_verified", dump_only=True)  # noqa: N815 - client's name
    onboarding_completed = ma.fields.Boolean(dump_only=True)

    def avatar_url(self, user) -> str | None:
        """Absolute URL of the stored avatar, or None."""
        if not user.avatar:
            return None
        if user.avatar.startswith(("http://", "https://")):
            return user.avatar
        from watchparty.storage import storage

        return storage().url(user.avatar)


def dump_user(user) -> dict:
    """One user as the client's `User`."""
    return UserSchema().dump(user)
