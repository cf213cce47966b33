"""POST /api/parties/<party_id>/react/: seed 003's party reaction, the same service as
/api/interactive and the socket `react`."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.interactive import service
from watchparty.interactive.schemas import ReactionCreateSchema, ReactionSchema

blp = Blueprint("party_reactions", __name__, description="Parties: reactions")


@blp.post("/<uuid:party_id>/react/")
@auth_required
@blp.arguments(ReactionCreateSchema)
@blp.response(201, ReactionSchema)
@blp.alt_response(429, description="Too many reactions (REACTION_BURST, REACTION_RATE)")
def react(body, party_id: uuid.UUID):
    """React with one emoji at `timestamp` seconds into the video (members)."""
    return service.react(party_id, current_user.id, body["emoji"], body["video_ts"])
