"""Schemas of staff roles: the body that sets one and the user it answers with."""

import marshmallow as ma

from watchparty.admin.schemas import AdminUserSchema
from watchparty.admin.staff_roles import ROLES


class StaffRoleSchema(ma.Schema):
    """Body of users/<id>/role/: the role to give and, optionally, why."""

    class Meta:
        unknown = ma.EXCLUDE

    role = ma.fields.String(required=True, validate=ma.validate.OneOf(ROLES))
    reason = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))


class StaffUserSchema(AdminUserSchema):
    """The admin view of a user plus their role (user, moderator, admin or superuser)."""

    role = ma.fields.String(dump_only=True)


class RoleChangedSchema(ma.Schema):
    """`{success, message, user}` after a role change."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    user = ma.fields.Nested(StaffUserSchema)
