"""REST views of the admin domain: user management."""

import uuid

from watchparty.admin import service
from watchparty.admin.schemas import (
    AdminUserDetailSchema,
    AdminUserQuerySchema,
    AdminUserSchema,
    ModerationResultSchema,
    ModerationSchema,
)
from watchparty.common.auth import admin_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import page_of
from watchparty.common.schemas import message

blp = Blueprint("admin", __name__, description="Admin")


def _done(text: str, user) -> dict:
    return message(text, user=user)


@blp.get("/users/")
@admin_required
@blp.arguments(AdminUserQuerySchema, location="query")
@blp.response(200, page_of(AdminUserSchema, "AdminUserPage"))
def list_users(query: dict):
    """Users, filtered by search (email or name), status and subscription."""
    page, size = query.pop("page"), query.pop("page_size")
    return service.list_users(page, size, **query)


@blp.get("/users/<uuid:user_id>/")
@admin_required
@blp.response(200, AdminUserDetailSchema)
def user_detail(user_id: uuid.UUID):
    """One user with moderation state, live sessions and two-factor state."""
    return service.user_detail(user_id)


@blp.post("/users/<uuid:user_id>/suspend/")
@admin_required
@blp.arguments(ModerationSchema)
@blp.response(200, ModerationResultSchema)
def suspend(body: dict, user_id: uuid.UUID):
    """Suspend a user (optionally for `duration` seconds); their sessions end."""
    user = service.suspend(current_user, user_id, body.get("reason"), body.get("duration"))
    return _done("User suspended.", user)


@blp.post("/users/<uuid:user_id>/unsuspend/")
@admin_required
@blp.response(200, ModerationResultSchema)
def unsuspend(user_id: uuid.UUID):
    """Lift a user's suspension."""
    return _done("User unsuspended.", service.unsuspend(current_user, user_id))


@blp.post("/users/<uuid:user_id>/ban/")
@admin_required
@blp.arguments(ModerationSchema)
@blp.response(200, ModerationResultSchema)
def ban(body: dict, user_id: uuid.UUID):
    """Ban a user (optionally for `duration` seconds); their sessions end."""
    user = service.ban(current_user, user_id, body.get("reason"), body.get("duration"))
    return _done("User banned.", user)


@blp.post("/users/<uuid:user_id>/unban/")
@admin_required
@blp.response(200, ModerationResultSchema)
def unban(user_id: uuid.UUID):
    """Lift a user's ban."""
    return _done("User unbanned.", service.unban(current_user, user_id))
