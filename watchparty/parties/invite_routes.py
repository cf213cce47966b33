"""REST views of getting in: room codes, invite codes and personal invitations."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import page_of
from watchparty.common.schemas import MessageSchema, message
from watchparty.parties import invites
from watchparty.parties.input_schemas import (
    GenerateInviteSchema,
    InvitationQuerySchema,
    InviteUsersSchema,
    JoinByCodeSchema,
    JoinByInviteSchema,
)
from watchparty.parties.limits import code_lookup_limits
from watchparty.parties.schemas import (
    InvitationSchema,
    InviteCodeSchema,
    InviteResultSchema,
    JoinResultSchema,
)

blp = Blueprint("parties_invite_routes", __name__, description="Party codes and invitations")


@blp.post("/join-by-code/")
@auth_required
@blp.arguments(JoinByCodeSchema)
@blp.response(200, JoinResultSchema)
@blp.alt_response(429, description="Too many failed codes (CODE_LOOKUP_RATE_LIMIT)")
@code_lookup_limits
def join_by_code(body):
    """Join with the party's room code (`code` or `room_code`, any case)."""
    code = body.get("room_code") or body["code"]
    return invites.join_by_room_code(current_user, code, body.get("message"))


@blp.post("/join-by-invite/")
@auth_required
@blp.arguments(JoinByInviteSchema)
@blp.response(200, JoinResultSchema)
@blp.alt_response(410, description="The invite code expired or is used up")
@blp.alt_response(429, description="Too many failed codes (CODE_LOOKUP_RATE_LIMIT)")
@code_lookup_limits
def join_by_invite(body):
    """Join with an invite code (no approval needed while it is valid)."""
    return invites.join_by_invite(current_user, body["invite_code"])


@blp.post("/<uuid:party_id>/generate-invite/")
@auth_required
@blp.arguments(GenerateInviteSchema(partial=True))
@blp.response(201, InviteCodeSchema)
def generate_invite(body, party_id: uuid.UUID):
    """A shareable, expiring invite code and URL (host/moderators)."""
    return invites.generate_invite(
        current_user, party_id, body.get("expires_in", 86400), body.get("max_uses")
    )


@blp.post("/<uuid:party_id>/invite/")
@auth_required
@blp.arguments(InviteUsersSchema)
@blp.response(201, InviteResultSchema)
def invite_users(body, party_id: uuid.UUID):
    """Invite users to the party (any member)."""
    return invites.invite_users(current_user, party_id, body["user_ids"], body["message"])


@blp.get("/invitations/")
@auth_required
@blp.arguments(InvitationQuerySchema, location="query")
@blp.response(200, page_of(InvitationSchema, "PartyInvitationPage"))
def invitations(query):
    """Invitations you received, newest first (`status` filter)."""
    return invites.my_invitations(current_user, query)


@blp.get("/invitations/<uuid:invitation_id>/")
@auth_required
@blp.response(200, InvitationSchema)
def invitation(invitation_id: uuid.UUID):
    """One invitation you sent or received."""
    return invites.get_invitation(current_user, invitation_id)


@blp.post("/invitations/<uuid:invitation_id>/accept/")
@auth_required
@blp.response(200, JoinResultSchema)
def accept(invitation_id: uuid.UUID):
    """Accept an invitation and join the party."""
    return invites.accept_invitation(current_user, invitation_id)


@blp.post("/invitations/<uuid:invitation_id>/decline/")
@auth_required
@blp.response(200, MessageSchema)
def decline(invitation_id: uuid.UUID):
    """Decline an invitation."""
    invites.decline_invitation(current_user, invitation_id)
    return message("Invitation declined.")
