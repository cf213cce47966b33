"""What the groups domain adds to the domains below it: group members see the parties hosted
for their groups, and a deleted account leaves its groups (an owned group passes to its longest
admin, else its longest member, else goes)."""

from sqlalchemy import case, delete, select

from watchparty.extensions import db
from watchparty.groups import party_links, service
from watchparty.groups.models import ADMIN, OWNER, Group, GroupInvitation, GroupMember
from watchparty.parties import access as party_access
from watchparty.users import deletion


def _successor(group_id, user_id) -> GroupMember | None:
    admins_first = case((GroupMember.role == ADMIN, 0), else_=1)
    return db.session.scalar(
        select(GroupMember)
        .where(GroupMember.group_id == group_id, GroupMember.user_id != user_id)
        .order_by(admins_first, GroupMember.joined_at, GroupMember.id)
        .limit(1)
    )


def leave_all_groups(user) -> None:
    """Hand over or delete the user's groups, then drop their memberships and invitations
    (no commit)."""
    for group in db.session.scalars(select(Group).where(Group.owner_id == user.id)).all():
        heir = _successor(group.id, user.id)
        if heir is None:
            service.remove(group)
        else:
            heir.role, group.owner_id = OWNER, heir.user_id
    db.session.flush()
    db.session.execute(delete(GroupMember).where(GroupMember.user_id == user.id))
    db.session.execute(
        delete(GroupInvitation).where(
            (GroupInvitation.invitee_id == user.id) | (GroupInvitation.inviter_id == user.id)
        )
    )


def register() -> None:
    """Attach the groups domain's contributions (called once by the blueprint table)."""
    party_access.also_visible.register(party_links.member_parties)
    deletion.register_cleanup(leave_all_groups)
