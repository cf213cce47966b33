"""REST view of staff roles: superusers manage who moderates and who administers."""

import uuid

from watchparty.admin import staff_roles
from watchparty.admin.staff_schemas import RoleChangedSchema, StaffRoleSchema
from watchparty.common.auth import current_user, superuser_required
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import message

blp = Blueprint("admin_staff", __name__, description="Admin: staff roles")


@blp.post("/users/<uuid:user_id>/role/")
@superuser_required
@blp.arguments(StaffRoleSchema)
@blp.response(200, RoleChangedSchema)
def set_role(body: dict, user_id: uuid.UUID):
    """Make a user a moderator, an admin or a plain user again (superusers only). Audited."""
    user = staff_roles.set_role(current_user, user_id, body["role"], body["reason"])
    return message(f"Role changed to {user.role}.", user=user)
