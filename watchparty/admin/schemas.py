"""Schemas of admin user management: queries, moderation bodies and the admin view of a user."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import UTCDateTimeField
from watchparty.common.types import iso
from watchparty.users.models import ACTIVE, BANNED, DELETED, SUSPENDED
from watchparty.users.schemas import UserSchema

STATUSES = (ACTIVE, SUSPENDED, BANNED, DELETED)


class AdminUserQuerySchema(PageQuerySchema):
    """Filters of the admin user list."""

    search = ma.fields.String(validate=ma.validate.Length(max=254))
    status = ma.fields.String(validate=ma.validate.OneOf(STATUSES))
    subscription = ma.fields.String(validate=ma.validate.OneOf(("active", "inactive")))


class AdminUserSchema(UserSchema):
    """The client's `User` plus moderation state; `status` is the effective status now."""

    status = ma.fields.String(attribute="effective_status", dump_only=True)
    status_reason = ma.fields.Method("reason", dump_only=True, allow_none=True)
    status_until = ma.fields.Method("until", dump_only=True, allow_none=True)

    def _restricted(self, user) -> bool:
        return user.effective_status in (SUSPENDED, BANNED)

    def reason(self, user) -> str | None:
        """Why the account is restricted; None once a timed restriction has lapsed."""
        return user.status_reason if self._restricted(user) else None

    def until(self, user) -> str | None:
        """When a timed restriction ends (ISO 8601 UTC)."""
        return iso(user.status_until) if self._restricted(user) else None


class AdminUserDetailSchema(AdminUserSchema):
    """One user for administrators: adds live sessions and two-factor state."""

    sessions_active = ma.fields.Integer(dump_only=True)
    totp_enabled = ma.fields.Boolean(dump_only=True)
    last_login = UTCDateTimeField(dump_only=True, allow_none=True)


class ModerationSchema(ma.Schema):
    """Body of suspend and ban: an optional reason and duration in seconds (none: indefinite)."""

    class Meta:
        unknown = ma.EXCLUDE

    reason = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=500))
    duration = ma.fields.Integer(
        strict=True, allow_none=True, validate=ma.validate.Range(min=1, max=10 * 365 * 86400)
    )


class ModerationResultSchema(ma.Schema):
    """`{success, message, user}` after a moderation action."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    user = ma.fields.Nested(AdminUserSchema)
