"""Members of a group: the list, role changes (owner and admins), removal, and invitations to
invite-only groups (a block either way stops one)."""

import uuid

from sqlalchemy import case, select

from watchparty.common.inserts import insert_once
from watchparty.common.notify import notify
from watchparty.common.pagination import paginate
from watchparty.errors import Conflict, Forbidden, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.friends import blocks
from watchparty.friends.service import person
from watchparty.groups import party_links
from watchparty.groups.access import (
    get_group,
    invitation,
    membership,
    require_manager,
    require_roster_viewer,
)
from watchparty.groups.models import ADMIN, OWNER, GroupInvitation, GroupMember

ROLE_ORDER = case((GroupMember.role == OWNER, 0), (GroupMember.role == ADMIN, 1), else_=2)


def list_members(user, group_id: uuid.UUID, query: dict) -> dict:
    """The group's members: the owner, then admins, then members, the earliest first."""
    group = get_group(group_id)
    require_roster_viewer(group, user.id)
    stmt = (
        select(GroupMember)
        .where(GroupMember.group_id == group.id)
        .order_by(ROLE_ORDER, GroupMember.joined_at, GroupMember.id)
    )
    return paginate(stmt, query["page"], query["page_size"])


def _target(group, actor: GroupMember, user_id: uuid.UUID) -> GroupMember:
    """The member an owner or admin acts on: not themselves, not the owner, and an admin
    acts only on plain members."""
    row = membership(group.id, user_id)
    if row is None:
        raise NotFound("This person is not in the group.", code="member_not_found")
    if row.user_id == actor.user_id:
        raise ValidationError("You cannot do this to yourself.", code="self_action")
    if row.role == OWNER or (actor.role == ADMIN and row.role == ADMIN):
        raise Forbidden("Only the owner can change an admin.", code="not_the_owner")
    return row


def set_role(user, group_id: uuid.UUID, user_id: uuid.UUID, role: str) -> GroupMember:
    """Make a member an admin or a member (owner, or an admin for plain members), or hand the
    group over (`owner`: the owner only; they become an admin). Commits."""
    group = get_group(group_id, lock=True)
    actor = require_manager(group, user.id)
    row = _target(group, actor, user_id)
    if role == OWNER:
        if actor.role != OWNER:
            raise Forbidden("Only the owner can hand the group over.", code="not_the_owner")
        actor.role, group.owner_id = ADMIN, row.user_id
    row.role = role
    db.session.commit()
    return row


def remove_member(user, group_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """Remove someone from the group (owner, or an admin for plain members). Commits."""
    group = get_group(group_id, lock=True)
    row = _target(group, require_manager(group, user.id), user_id)
    party_links.withdraw_invitations(group.id, row.user_id)
    db.session.delete(row)
    db.session.commit()


def invite(user, group_id: uuid.UUID, user_id: uuid.UUID) -> GroupInvitation:
    """Invite someone to the group (owner or admin); inviting again keeps one invitation.
    Commits."""
    group = get_group(group_id)
    require_manager(group, user.id)
    target = person(user_id)
    if target.id == user.id:
        raise ValidationError("You are already in this group.", code="self_action")
    if membership(group.id, target.id) is not None:
        raise Conflict("This person is already in the group.", code="already_member")
    if blocks.between(user.id, target.id):
        raise Forbidden("You cannot invite this person.", code="blocked")
    values = {"group_id": group.id, "invitee_id": target.id, "inviter_id": user.id}
    new = insert_once(GroupInvitation, missing="Group not found.", **values)
    db.session.commit()
    row = invitation(group.id, target.id)
    if new:
        _tell_invited(group, user, row)
    return row


def _tell_invited(group, inviter, row: GroupInvitation) -> None:
    """The invitee hears who invited them to which group (an invitation repeated says nothing)."""
    notify(
        row.invitee_id,
        "group_invitation",
        "Group invitation",
        f"{inviter.full_name} invited you to join “{group.name}”",
        data={
            "group_id": str(group.id),
            "invitation_id": str(row.id),
            "inviter_id": str(inviter.id),
        },
        actor_id=inviter.id,
    )


def my_invitations(user) -> list[GroupInvitation]:
    """The group invitations the user holds, the newest first."""
    return db.session.scalars(
        select(GroupInvitation)
        .where(GroupInvitation.invitee_id == user.id)
        .order_by(GroupInvitation.created_at.desc(), GroupInvitation.id)
    ).all()


def decline(user, group_id: uuid.UUID) -> None:
    """Turn an invitation down (404 when there is none). Commits."""
    row = invitation(get_group(group_id).id, user.id)
    if row is None:
        raise NotFound("You have no invitation to this group.", code="invitation_not_found")
    db.session.delete(row)
    db.session.commit()
