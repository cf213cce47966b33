"""REST views of membership: join, leave, participants, roles, removals, host hand-over."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import MessageSchema, message
from watchparty.parties import roles, service
from watchparty.parties.input_schemas import (
    JoinSchema,
    ParticipantQuerySchema,
    ReasonSchema,
    TransferHostSchema,
)
from watchparty.parties.models import MODERATOR, PARTICIPANT
from watchparty.parties.schemas import JoinResultSchema, MemberResultSchema, ParticipantPageSchema

blp = Blueprint("parties_member_routes", __name__, description="Party members and roles")
MEMBER = "/<uuid:party_id>/participants/<uuid:user_id>"


@blp.post("/<uuid:party_id>/join/")
@auth_required
@blp.arguments(JoinSchema(partial=True))
@blp.response(200, JoinResultSchema)
def join(body, party_id: uuid.UUID):
    """Join a party (approval-required parties hold you as pending)."""
    return service.join_party(current_user, party_id, body.get("message"))


@blp.post("/<uuid:party_id>/leave/")
@auth_required
@blp.response(200, MessageSchema)
def leave(party_id: uuid.UUID):
    """Leave a party (the host must hand over or end it first: 409)."""
    service.leave_party(current_user, party_id)
    return message("You left the party.")


@blp.get("/<uuid:party_id>/participants/")
@auth_required
@blp.arguments(ParticipantQuerySchema, location="query")
@blp.response(200, ParticipantPageSchema)
def participants(query, party_id: uuid.UUID):
    """Members with presence and drift, plus `online_count` (`status=pending`: moderators)."""
    return roles.participants_page(current_user, party_id, query)


@blp.post(f"{MEMBER}/promote/")
@auth_required
@blp.response(200, MemberResultSchema)
def promote(party_id: uuid.UUID, user_id: uuid.UUID):
    """Make a member a moderator (host only)."""
    return roles.set_role(current_user, party_id, user_id, MODERATOR)


@blp.post(f"{MEMBER}/demote/")
@auth_required
@blp.response(200, MemberResultSchema)
def demote(party_id: uuid.UUID, user_id: uuid.UUID):
    """Make a moderator a plain participant again (host only)."""
    return roles.set_role(current_user, party_id, user_id, PARTICIPANT)


@blp.post(f"{MEMBER}/kick/")
@auth_required
@blp.arguments(ReasonSchema(partial=True))
@blp.response(200, MessageSchema)
def kick(body, party_id: uuid.UUID, user_id: uuid.UUID):
    """Remove a member (host or moderator); they are told `kicked` and may rejoin."""
    return roles.kick(current_user, party_id, user_id, body.get("reason", ""))


@blp.post(f"{MEMBER}/ban/")
@auth_required
@blp.arguments(ReasonSchema(partial=True))
@blp.response(200, MessageSchema)
def ban(body, party_id: uuid.UUID, user_id: uuid.UUID):
    """Remove a user for good (host or moderator); they cannot rejoin until unbanned."""
    return roles.ban(current_user, party_id, user_id, body.get("reason", ""))


@blp.post(f"{MEMBER}/unban/")
@auth_required
@blp.response(200, MessageSchema)
def unban(party_id: uuid.UUID, user_id: uuid.UUID):
    """Lift a ban (host or moderator)."""
    return roles.unban(current_user, party_id, user_id)


@blp.post(f"{MEMBER}/approve/")
@auth_required
@blp.response(200, MemberResultSchema)
def approve(party_id: uuid.UUID, user_id: uuid.UUID):
    """Admit a pending joiner (host or moderator; 409 when the party is full)."""
    return roles.approve(current_user, party_id, user_id)


@blp.post(f"{MEMBER}/reject/")
@auth_required
@blp.response(200, MessageSchema)
def reject(party_id: uuid.UUID, user_id: uuid.UUID):
    """Turn a pending joiner away (host or moderator)."""
    return roles.reject(current_user, party_id, user_id)


@blp.post("/<uuid:party_id>/transfer-host/")
@auth_required
@blp.arguments(TransferHostSchema)
@blp.response(200, MemberResultSchema)
def transfer_host(body, party_id: uuid.UUID):
    """Hand the host role to an active member; you become a moderator (host only)."""
    return roles.transfer_host(current_user, party_id, body["user_id"])
