"""REST views of a group's members, roles and invitations, under /api/social/groups/."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import MessageSchema, message
from watchparty.groups import members
from watchparty.groups.schemas import (
    GroupInvitationSchema,
    GroupInviteSchema,
    GroupMemberPageSchema,
    GroupMemberSchema,
    RoleSchema,
)

blp = Blueprint("group_members", __name__, description="Social groups: members and invitations")


@blp.get("/<uuid:group_id>/members/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, GroupMemberPageSchema)
def list_members(query, group_id: uuid.UUID):
    """The group's members with their roles, the owner first."""
    return members.list_members(current_user, group_id, query)


@blp.put("/<uuid:group_id>/members/<uuid:user_id>/")
@auth_required
@blp.arguments(RoleSchema)
@blp.response(200, GroupMemberSchema)
def set_role(body, group_id: uuid.UUID, user_id: uuid.UUID):
    """Change a member's role: admin or member, or owner to hand the group over."""
    return members.set_role(current_user, group_id, user_id, body["role"])


@blp.delete("/<uuid:group_id>/members/<uuid:user_id>/")
@auth_required
@blp.response(200, MessageSchema)
def remove_member(group_id: uuid.UUID, user_id: uuid.UUID):
    """Remove someone from the group (owner, or an admin for plain members)."""
    members.remove_member(current_user, group_id, user_id)
    return message("Member removed.")


@blp.post("/<uuid:group_id>/invitations/")
@auth_required
@blp.arguments(GroupInviteSchema)
@blp.response(201, GroupInvitationSchema)
def invite(body, group_id: uuid.UUID):
    """Invite someone to the group (owner or admin)."""
    return members.invite(current_user, group_id, body["user_id"])


@blp.get("/invitations/")
@auth_required
@blp.response(200, GroupInvitationSchema(many=True))
def my_invitations():
    """The group invitations you hold."""
    return members.my_invitations(current_user)


@blp.post("/<uuid:group_id>/decline/")
@auth_required
@blp.response(200, MessageSchema)
def decline(group_id: uuid.UUID):
    """Turn down your invitation to a group."""
    members.decline(current_user, group_id)
    return message("Invitation declined.")
