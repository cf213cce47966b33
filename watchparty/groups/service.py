"""Groups: create, list (yours, public ones), read, change, delete, join and leave."""

import uuid

from sqlalchemy import delete, select

from watchparty.common.inserts import insert_once
from watchparty.common.pagination import paginate
from watchparty.common.search import any_contains
from watchparty.errors import Conflict, Forbidden
from watchparty.extensions import db
from watchparty.friends import blocks
from watchparty.groups import party_links
from watchparty.groups.access import (
    get_group,
    invitation,
    membership,
    require_member,
    require_owner,
    shown,
)
from watchparty.groups.models import (
    MEMBER,
    OWNER,
    PUBLIC,
    Group,
    GroupInvitation,
    GroupMember,
    GroupParty,
)


def list_groups(user, query: dict) -> dict:
    """The groups the user is in (`scope=mine`) or public ones (`scope=public`), by name."""
    stmt = select(Group)
    if query["scope"] == "mine":
        mine = select(GroupMember.group_id).where(GroupMember.user_id == user.id)
        stmt = stmt.where(Group.id.in_(mine))
    else:
        stmt = stmt.where(Group.visibility == PUBLIC)
    if (text := (query.get("q") or "").strip()) != "":
        stmt = stmt.where(any_contains((Group.name, Group.description), text))
    stmt = stmt.order_by(db.func.lower(Group.name), Group.id)
    return paginate(
        stmt, query["page"], query["page_size"], lambda rows: [shown(g, user.id) for g in rows]
    )


def create_group(user, body: dict):
    """A new group owned by the user, who is its first member. Commits."""
    group = Group(owner_id=user.id, **body)
    db.session.add(group)
    db.session.flush()
    db.session.add(GroupMember(group_id=group.id, user_id=user.id, role=OWNER))
    db.session.commit()
    return shown(group, user.id)


def group_detail(user, group_id: uuid.UUID):
    """One group as the caller sees it (an invite-only group's page is seen, not joined)."""
    return shown(get_group(group_id), user.id)


def update_group(user, group_id: uuid.UUID, body: dict):
    """Change the name, description or visibility (owner only). Commits."""
    group = get_group(group_id)
    require_owner(group, user.id)
    for key, value in body.items():
        setattr(group, key, value)
    db.session.commit()
    return shown(group, user.id)


def delete_group(user, group_id: uuid.UUID) -> None:
    """Delete the group with its members, invitations and party links (owner only). Commits;
    the parties themselves go on."""
    group = get_group(group_id, lock=True)
    require_owner(group, user.id)
    remove(group)
    db.session.commit()


def remove(group: Group) -> None:
    """Delete a group and its members, invitations and party links (no commit)."""
    # Explicit, not ON DELETE CASCADE: the embedded SQLite does not enforce foreign keys.
    for model in (GroupMember, GroupInvitation, GroupParty):
        db.session.execute(delete(model).where(model.group_id == group.id))
    db.session.delete(group)


def join(user, group_id: uuid.UUID):
    """Join a public group, or an invite-only one you were invited to; you are also invited to
    the group's open parties. 409 when already in; two joins at once make one membership."""
    group = get_group(group_id)
    if membership(group.id, user.id) is not None:
        raise Conflict("You are already in this group.", code="already_member")
    if blocks.blocked_by(group.owner_id, user.id):
        raise Forbidden("You cannot join this group.", code="blocked_by_owner")
    if not group.is_public and invitation(group.id, user.id) is None:
        raise Forbidden("This group is invite-only.", code="invitation_required")
    values = {"group_id": group.id, "user_id": user.id, "role": MEMBER}
    if not insert_once(GroupMember, missing="Group not found.", **values):
        db.session.rollback()
        raise Conflict("You are already in this group.", code="already_member")
    db.session.execute(
        delete(GroupInvitation).where(
            GroupInvitation.group_id == group.id, GroupInvitation.invitee_id == user.id
        )
    )
    db.session.commit()
    party_links.invite_newcomer(group, user)
    return shown(group, user.id)


def leave(user, group_id: uuid.UUID) -> None:
    """Leave a group; its owner must hand it over or delete it first (409). Commits."""
    group = get_group(group_id, lock=True)
    row = require_member(group, user.id)
    if row.role == OWNER:
        raise Conflict(
            "The owner cannot leave: make someone else the owner or delete the group.",
            code="owner_cannot_leave",
        )
    party_links.withdraw_invitations(group.id, user.id)
    db.session.delete(row)
    db.session.commit()
