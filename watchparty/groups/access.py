"""Who may see, join and run a group: the rules every groups view shares."""

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import lazyload

from watchparty.common.shown import Shown
from watchparty.errors import Forbidden, NotFound
from watchparty.extensions import db
from watchparty.groups.models import ADMIN, OWNER, Group, GroupInvitation, GroupMember


def get_group(group_id: uuid.UUID, *, lock: bool = False) -> Group:
    """The group, or 404 `group_not_found`; `lock` holds its row until commit (owner changes)."""
    options = [lazyload(Group.owner)] if lock else []
    group = db.session.get(Group, group_id, with_for_update=lock or None, options=options)
    if group is None:
        raise NotFound("Group not found.", code="group_not_found")
    return group


def membership(group_id: uuid.UUID, user_id: uuid.UUID) -> GroupMember | None:
    """The user's member row of the group, or None."""
    return db.session.scalar(
        select(GroupMember).where(GroupMember.group_id == group_id, GroupMember.user_id == user_id)
    )


def invitation(group_id: uuid.UUID, user_id: uuid.UUID) -> GroupInvitation | None:
    """The user's invitation to the group, or None."""
    return db.session.scalar(
        select(GroupInvitation).where(
            GroupInvitation.group_id == group_id, GroupInvitation.invitee_id == user_id
        )
    )


def require_member(group: Group, user_id: uuid.UUID) -> GroupMember:
    """The caller's member row, or 403 `not_a_member`."""
    row = membership(group.id, user_id)
    if row is None:
        raise Forbidden("Join the group first.", code="not_a_member")
    return row


def require_manager(group: Group, user_id: uuid.UUID) -> GroupMember:
    """An owner's or admin's member row, or 403 `not_a_manager`."""
    row = require_member(group, user_id)
    if row.role not in (OWNER, ADMIN):
        raise Forbidden("Only the group's owner or an admin can do this.", code="not_a_manager")
    return row


def require_owner(group: Group, user_id: uuid.UUID) -> GroupMember:
    """The owner's member row, or 403 `not_the_owner`."""
    row = require_member(group, user_id)
    if row.role != OWNER:
        raise Forbidden("Only the group's owner can do this.", code="not_the_owner")
    return row


def require_roster_viewer(group: Group, user_id: uuid.UUID) -> None:
    """A public group's members are listed to all; an invite-only group's to members and the
    invited."""
    if group.is_public or membership(group.id, user_id) or invitation(group.id, user_id):
        return
    raise Forbidden("Only members see who is in this group.", code="not_a_member")


def members_count(group_id: uuid.UUID) -> int:
    """How many people are in the group."""
    stmt = select(func.count()).where(GroupMember.group_id == group_id)
    return db.session.scalar(stmt) or 0


def shown(group: Group, user_id: uuid.UUID) -> Shown:
    """The group as the caller sees it: its size, their role, whether they are invited."""
    row = membership(group.id, user_id)
    return Shown(
        group,
        members_count=members_count(group.id),
        my_role=row.role if row else None,
        invited=row is None and invitation(group.id, user_id) is not None,
    )
