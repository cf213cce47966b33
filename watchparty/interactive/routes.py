"""REST views of reactions and polls under /api/interactive/parties/<party_id>/."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import page_of
from watchparty.interactive import service
from watchparty.interactive.schemas import (
    HeatmapQuerySchema,
    HeatmapSchema,
    PollCreateSchema,
    PollQuerySchema,
    PollSchema,
    ReactionCreateSchema,
    ReactionQuerySchema,
    ReactionSchema,
    VoteSchema,
)

blp = Blueprint("interactive", __name__, description="Interactive: live reactions and polls")

PARTY = "/parties/<uuid:party_id>"
POLL = f"{PARTY}/polls/<uuid:poll_id>"


@blp.get(f"{PARTY}/reactions/")
@auth_required
@blp.arguments(ReactionQuerySchema, location="query")
@blp.response(200, page_of(ReactionSchema))
def list_reactions(query, party_id: uuid.UUID):
    """The party's reactions, newest first (`since` for only newer ones)."""
    return service.list_reactions(party_id, current_user.id, **query)


@blp.post(f"{PARTY}/reactions/create/")
@auth_required
@blp.arguments(ReactionCreateSchema)
@blp.response(201, ReactionSchema)
@blp.alt_response(429, description="Too many reactions (REACTION_BURST, REACTION_RATE)")
def create_reaction(body, party_id: uuid.UUID):
    """Send one emoji at a video time (seconds); broadcast as `reaction` on /interactive."""
    return service.react(party_id, current_user.id, body["emoji"], body["video_ts"])


@blp.get(f"{PARTY}/reactions/heatmap/")
@auth_required
@blp.arguments(HeatmapQuerySchema, location="query")
@blp.response(200, HeatmapSchema)
def reaction_heatmap(query, party_id: uuid.UUID):
    """Reaction counts and top emoji per video-time bucket (non-empty buckets only)."""
    return service.heatmap(party_id, current_user.id, query["bucket_seconds"])


@blp.get(f"{PARTY}/polls/")
@auth_required
@blp.arguments(PollQuerySchema, location="query")
@blp.response(200, page_of(PollSchema))
def list_polls(query, party_id: uuid.UUID):
    """The party's polls with counts, newest first (`status` open, closed or all)."""
    return service.list_polls(party_id, current_user.id, **query)


@blp.post(f"{PARTY}/polls/create/")
@auth_required
@blp.arguments(PollCreateSchema)
@blp.response(201, PollSchema)
def create_poll(body, party_id: uuid.UUID):
    """Open a poll (host/moderators): 2 to 10 options, closes by itself after `duration` s."""
    return service.create_poll(party_id, current_user.id, **body)


@blp.get(f"{POLL}/")
@auth_required
@blp.response(200, PollSchema)
def get_poll(party_id: uuid.UUID, poll_id: uuid.UUID):
    """One poll with its counts and the caller's vote."""
    return service.get_poll_for(party_id, poll_id, current_user.id)


@blp.post(f"{POLL}/vote/")
@auth_required
@blp.arguments(VoteSchema)
@blp.response(200, PollSchema)
def vote(body, party_id: uuid.UUID, poll_id: uuid.UUID):
    """Vote once (members); 409 already_voted or poll_closed."""
    return service.vote(poll_id, current_user.id, body["option_id"], party_id)


@blp.post(f"{POLL}/close/")
@auth_required
@blp.response(200, PollSchema)
def close_poll(party_id: uuid.UUID, poll_id: uuid.UUID):
    """Close a poll now (host/moderators); broadcast as `poll`."""
    return service.close_poll(poll_id, current_user.id, party_id)
