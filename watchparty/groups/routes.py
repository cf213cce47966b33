"""REST views of groups under /api/social/groups/ (seed 003 "Social Groups"): list, create,
read, change, delete, join, leave."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import MessageSchema, message
from watchparty.groups import service
from watchparty.groups.schemas import (
    GroupCreateSchema,
    GroupPageSchema,
    GroupQuerySchema,
    GroupSchema,
    GroupUpdateSchema,
)

blp = Blueprint("groups", __name__, description="Social groups: members, roles, group parties")


@blp.get("/")
@auth_required
@blp.arguments(GroupQuerySchema, location="query")
@blp.response(200, GroupPageSchema)
def list_groups(query):
    """Your groups (`scope=mine`, the default) or public groups to join (`scope=public`)."""
    return service.list_groups(current_user, query)


@blp.post("/")
@auth_required
@blp.arguments(GroupCreateSchema)
@blp.response(201, GroupSchema)
def create_group(body):
    """Create a group (public or invite_only); you become its owner."""
    return service.create_group(current_user, body)


@blp.get("/<uuid:group_id>/")
@auth_required
@blp.response(200, GroupSchema)
def get_group(group_id: uuid.UUID):
    """One group, with its size and your role."""
    return service.group_detail(current_user, group_id)


@blp.patch("/<uuid:group_id>/")
@auth_required
@blp.arguments(GroupUpdateSchema)
@blp.response(200, GroupSchema)
def update_group(body, group_id: uuid.UUID):
    """Change the group's name, description or visibility (owner only)."""
    return service.update_group(current_user, group_id, body)


@blp.delete("/<uuid:group_id>/")
@auth_required
@blp.response(200, MessageSchema)
def delete_group(group_id: uuid.UUID):
    """Delete the group (owner only); its parties go on."""
    service.delete_group(current_user, group_id)
    return message("Group deleted.")


@blp.post("/<uuid:group_id>/join/")
@auth_required
@blp.response(200, GroupSchema)
def join_group(group_id: uuid.UUID):
    """Join a public group, or an invite-only group you were invited to."""
    return service.join(current_user, group_id)


@blp.post("/<uuid:group_id>/leave/")
@auth_required
@blp.response(200, MessageSchema)
def leave_group(group_id: uuid.UUID):
    """Leave a group (its owner hands it over or deletes it instead)."""
    service.leave(current_user, group_id)
    return message("You left the group.")
