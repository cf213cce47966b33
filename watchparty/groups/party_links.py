"""Parties hosted for a group: a member hosting a party adds it, every member is invited to it
(a party invitation each, which admits them), members see it in the lobby; newcomers are invited
to the group's open parties and leavers lose their unanswered invitations."""

import uuid

from sqlalchemy import case, delete, select

from watchparty.common.inserts import commit_unique
from watchparty.common.pagination import paginate
from watchparty.common.shown import Shown
from watchparty.errors import Conflict, Forbidden, NotFound
from watchparty.extensions import db
from watchparty.groups.access import get_group, require_member
from watchparty.groups.models import ADMIN, OWNER, GroupMember, GroupParty
from watchparty.parties import invites
from watchparty.parties.access import get_party
from watchparty.parties.invite_models import INVITE_PENDING, PartyInvitation
from watchparty.parties.models import ENDED, Party
from watchparty.users.models import User

OPEN = (Party.deleted_at.is_(None), Party.status != ENDED)


def _invitation_text(group) -> str:
    return f"A party for the group {group.name}."


def add_party(user, group_id: uuid.UUID, party_id: uuid.UUID) -> dict:
    """Host a party of yours for the group (members only; one group a party): every other
    member is invited to it. Commits once, link and invitations together."""
    group = get_group(group_id)
    require_member(group, user.id)
    party = get_party(party_id)
    if party.host_id != user.id:
        raise Forbidden("Only the party's host can host it for a group.", code="not_the_host")
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    link = GroupParty(group_id=group.id, party_id=party.id, added_by_id=user.id)
    db.session.add(link)
    commit_unique(
        Conflict("This party is already hosted for a group.", code="party_taken"), flush=True
    )
    others = db.session.scalars(
        select(GroupMember.user_id).where(
            GroupMember.group_id == group.id, GroupMember.user_id != user.id
        )
    ).all()
    sent = invites.invite_users(user, party.id, list(others), _invitation_text(group))
    return Shown(link, invited=len(sent["invitations"]))


def group_parties(user, group_id: uuid.UUID, query: dict) -> dict:
    """The group's parties (members only), the newest first; deleted ones are gone."""
    group = get_group(group_id)
    require_member(group, user.id)
    stmt = (
        select(GroupParty)
        .join(Party, Party.id == GroupParty.party_id)
        .where(GroupParty.group_id == group.id, Party.deleted_at.is_(None))
        .order_by(GroupParty.created_at.desc(), GroupParty.id)
    )
    return paginate(stmt, query["page"], query["page_size"])


def remove_party(user, group_id: uuid.UUID, party_id: uuid.UUID) -> None:
    """Stop hosting a party for the group (its host, or the group's owner or an admin)."""
    group = get_group(group_id)
    row = require_member(group, user.id)
    link = db.session.scalar(
        select(GroupParty).where(GroupParty.group_id == group.id, GroupParty.party_id == party_id)
    )
    if link is None:
        raise NotFound("This party is not hosted for the group.", code="group_party_not_found")
    if link.party.host_id != user.id and row.role not in (OWNER, ADMIN):
        raise Forbidden("Only the host, the owner or an admin can do this.", code="not_a_manager")
    db.session.delete(link)
    db.session.commit()


def lobby_feed(user, query: dict) -> dict:
    """The open parties of every group the user is in: live first, then the newest."""
    mine = select(GroupMember.group_id).where(GroupMember.user_id == user.id)
    live_first = case((Party.status == "live", 0), else_=1)
    stmt = (
        select(GroupParty)
        .join(Party, Party.id == GroupParty.party_id)
        .where(GroupParty.group_id.in_(mine), *OPEN)
        .order_by(live_first, Party.created_at.desc(), Party.id)
    )
    return paginate(stmt, query["page"], query["page_size"], _feed_items)


def _feed_items(links) -> list[Shown]:
    return [Shown(link.party, group_id=link.group_id, group_name=link.group.name) for link in links]


def member_parties(user_id: uuid.UUID):
    """SQL on Party: the parties hosted for a group the user is in (the parties.access hook)."""
    groups = select(GroupMember.group_id).where(GroupMember.user_id == user_id)
    return Party.id.in_(select(GroupParty.party_id).where(GroupParty.group_id.in_(groups)))


def invite_newcomer(group, user) -> None:
    """Invite a new member to the group's open parties, each from its host. Commits."""
    rows = db.session.scalars(
        select(Party)
        .join(GroupParty, GroupParty.party_id == Party.id)
        .where(GroupParty.group_id == group.id, Party.host_id != user.id, *OPEN)
    ).all()
    for party in rows:
        host = db.session.get(User, party.host_id)
        invites.invite_users(host, party.id, [user.id], _invitation_text(group))


def withdraw_invitations(group_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """Someone leaving the group loses their unanswered invitations to its parties (no commit)."""
    parties = select(GroupParty.party_id).where(GroupParty.group_id == group_id)
    db.session.execute(
        delete(PartyInvitation).where(
            PartyInvitation.invitee_id == user_id,
            PartyInvitation.status == INVITE_PENDING,
            PartyInvitation.party_id.in_(parties),
        ),
        execution_options={"synchronize_session": False},
    )
