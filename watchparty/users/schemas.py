"""User representations: the client's `User` type (seed 004)."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import UTCDateTimeField


def avatar_url_of(avatar: str | None) -> str | None:
    """Absolute URL of a stored avatar (or the external URL as is), or None."""
    if not avatar:
        return None
    if avatar.startswith(("http://", "https://")):
        return avatar
    from watchparty.storage import storage

    return storage().url(avatar)


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
    is_moderator = ma.fields.Boolean(dump_only=True)
    isVerified = ma.fields.Boolean(attribute="is_verified", dump_only=True)  # noqa: N815 - client's name
    onboarding_completed = ma.fields.Boolean(dump_only=True)

    def avatar_url(self, user) -> str | None:
        """Absolute URL of the stored avatar, or None."""
        return avatar_url_of(user.avatar)


def dump_user(user) -> dict:
    """One user as the client's `User`."""
    return UserSchema().dump(user)


READ_ONLY_FIELDS = set(UserSchema._declared_fields) - {"first_name", "last_name"} | {
    "password",
    "password_hash",
    "is_verified",
    "status",
    "settings",
}


def _avatar_of(schema, user) -> str | None:
    return UserSchema.avatar_url(schema, user)


class ProfileSchema(ma.Schema):
    """The client's `UserProfile`: the public-facing part of an account."""

    display_name = ma.fields.String(allow_none=True)
    bio = ma.fields.String(allow_none=True)
    location = ma.fields.String(allow_none=True)
    website = ma.fields.String(allow_none=True)
    avatar = ma.fields.Method("avatar_url", dump_only=True, allow_none=True)

    avatar_url = _avatar_of


class UserWithProfileSchema(UserSchema):
    """`User & { profile: UserProfile }` (seed 004)."""

    profile = ma.fields.Nested(ProfileSchema, dump_only=True)

    def get_attribute(self, obj, attr, default):
        # The profile lives on the user row itself: nest the same object.
        if attr == "profile":
            return obj
        return super().get_attribute(obj, attr, default)


class ProfileUpdateSchema(ma.Schema):
    """`Partial<UserProfile>` plus names; read-only and unknown fields are rejected."""

    first_name = ma.fields.String(validate=ma.validate.Length(max=150))
    last_name = ma.fields.String(validate=ma.validate.Length(max=150))
    display_name = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=50))
    bio = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=500))
    location = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=100))
    website = ma.fields.URL(
        allow_none=True,
        schemes={"http", "https"},
        validate=ma.validate.Length(max=200),
    )

    @ma.pre_load
    def reject_read_only(self, data, **kwargs):
        """Name read-only fields explicitly; blank optional fields mean "clear"."""
        if not isinstance(data, dict):
            return data
        locked = sorted(key for key in data if key in READ_ONLY_FIELDS)
        if locked:
            raise ma.ValidationError({key: ["This field is read-only."] for key in locked})
        nullable = ("display_name", "bio", "location", "website")
        return {k: (None if k in nullable and v == "" else v) for k, v in data.items()}


class PublicUserSchema(ma.Schema):
    """What other signed-in users see of an account (also the search result item)."""

    id = ma.fields.UUID(dump_only=True)
    full_name = ma.fields.String(dump_only=True)
    display_name = ma.fields.String(dump_only=True, allow_none=True)
    avatar = ma.fields.Method("avatar_url", dump_only=True, allow_none=True)
    bio = ma.fields.String(dump_only=True, allow_none=True)
    location = ma.fields.String(dump_only=True, allow_none=True)
    website = ma.fields.String(dump_only=True, allow_none=True)
    date_joined = UTCDateTimeField(dump_only=True)
    is_verified = ma.fields.Boolean(dump_only=True)

    avatar_url = _avatar_of


class UserBriefSchema(ma.Schema):
    """A user as shown beside a party member, chat message or reaction."""

    id = ma.fields.UUID(dump_only=True)
    name = ma.fields.String(attribute="full_name", dump_only=True)
    display_name = ma.fields.String(dump_only=True, allow_none=True)
    avatar = ma.fields.Method("avatar_url", dump_only=True, allow_none=True)

    avatar_url = _avatar_of


def dump_brief(user) -> dict:
    """One user as a UserBrief."""
    return UserBriefSchema().dump(user)


class AvatarUploadSchema(ma.Schema):
    """Multipart upload: the image in `avatar` (or `file`)."""

    avatar = ma.fields.Raw(metadata={"type": "string", "format": "binary"})
    file = ma.fields.Raw(metadata={"type": "string", "format": "binary"})


class AvatarResultSchema(ma.Schema):
    success = ma.fields.Boolean()
    avatar_url = ma.fields.String()


class UserStatsSchema(ma.Schema):
    total_parties = ma.fields.Integer()
    total_watch_time = ma.fields.Integer(metadata={"description": "Minutes watched"})
    videos_uploaded = ma.fields.Integer()
    friends_count = ma.fields.Integer()


class RecentActivitySchema(ma.Schema):
    parties_this_week = ma.fields.Integer()
    videos_uploaded_this_week = ma.fields.Integer()
    watch_time_this_week = ma.fields.Integer(metadata={"description": "Minutes"})


class UserDashboardStatsSchema(ma.Schema):
    total_parties = ma.fields.Integer()
    parties_hosted = ma.fields.Integer()
    parties_joined = ma.fields.Integer()
    total_videos = ma.fields.Integer()
    watch_time_hours = ma.fields.Float()
    friends_count = ma.fields.Integer()
    recent_activity = ma.fields.Nested(RecentActivitySchema)


class UserSearchQuerySchema(PageQuerySchema):
    """`q` (2-100 characters) plus `page` and `page_size` / `limit`."""

    q = ma.fields.String(required=True, validate=ma.validate.Length(min=2, max=100))

    @ma.pre_load
    def strip_query(self, data, **kwargs):
        """Surrounding blanks do not count toward the minimum length."""
        data = dict(data)
        if isinstance(data.get("q"), str):
            data["q"] = data["q"].strip()
        return data
