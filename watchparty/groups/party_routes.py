"""REST views of the parties hosted for groups, under /api/social/groups/."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import MessageSchema, message
from watchparty.groups import party_links
from watchparty.groups.schemas import (
    GroupPartyBodySchema,
    GroupPartyFeedPageSchema,
    GroupPartyPageSchema,
    GroupPartySchema,
)

blp = Blueprint("group_parties", __name__, description="Social groups: parties for a group")


@blp.get("/parties/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, GroupPartyFeedPageSchema)
def lobby_feed(query):
    """The open parties of your groups, for the lobby: live first."""
    return party_links.lobby_feed(current_user, query)


@blp.get("/<uuid:group_id>/parties/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, GroupPartyPageSchema)
def group_parties(query, group_id: uuid.UUID):
    """The parties hosted for the group (members only)."""
    return party_links.group_parties(current_user, group_id, query)


@blp.post("/<uuid:group_id>/parties/")
@auth_required
@blp.arguments(GroupPartyBodySchema)
@blp.response(201, GroupPartySchema)
def add_party(body, group_id: uuid.UUID):
    """Host a party of yours for the group: every member is invited to it."""
    return party_links.add_party(current_user, group_id, body["party_id"])


@blp.delete("/<uuid:group_id>/parties/<uuid:party_id>/")
@auth_required
@blp.response(200, MessageSchema)
def remove_party(group_id: uuid.UUID, party_id: uuid.UUID):
    """Stop hosting a party for the group (its host, the owner or an admin)."""
    party_links.remove_party(current_user, group_id, party_id)
    return message("The party is no longer hosted for the group.")
