"""REST views of feedback under /api/support/feedback/ (seed 003 "Feedback System") and the
help search, /api/support/search/."""

import uuid

from watchparty.common.auth import admin_required, auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.ratelimit import writes_per_account
from watchparty.support import feedback, search
from watchparty.support.feedback_schemas import (
    FeedbackCreateSchema,
    FeedbackPageSchema,
    FeedbackQuerySchema,
    FeedbackSchema,
    FeedbackStatusSchema,
    FeedbackVoteSchema,
    HelpSearchQuerySchema,
    HelpSearchSchema,
)

blp = Blueprint("support_feedback", __name__, description="Help centre: feedback and search")


@blp.get("/feedback/")
@auth_required
@blp.arguments(FeedbackQuerySchema, location="query")
@blp.response(200, FeedbackPageSchema)
def list_feedback(query):
    """Your feedback (`scope=mine`) or everyone's, the best voted first (`scope=public`)."""
    return feedback.listing(current_user, query)


@blp.post("/feedback/")
@writes_per_account("FEEDBACK_RATE_LIMIT", "10 per hour")
@auth_required
@blp.arguments(FeedbackCreateSchema)
@blp.response(201, FeedbackSchema)
def create_feedback(body):
    """Send a feature request, bug report or remark, with an optional rating of 1 to 5."""
    return feedback.create(current_user, body)


@blp.post("/feedback/<uuid:feedback_id>/vote/")
@auth_required
@blp.arguments(FeedbackVoteSchema)
@blp.response(200, FeedbackSchema)
def vote_feedback(body, feedback_id: uuid.UUID):
    """Upvote or downvote feedback (one vote each; voting again changes it)."""
    return feedback.vote(current_user, feedback_id, body["vote"])


@blp.post("/feedback/<uuid:feedback_id>/status/")
@admin_required
@blp.arguments(FeedbackStatusSchema)
@blp.response(200, FeedbackSchema)
def set_feedback_status(body, feedback_id: uuid.UUID):
    """Mark feedback open, planned, in progress, done or declined (staff)."""
    return feedback.set_status(current_user, feedback_id, body["status"])


@blp.get("/search/")
@blp.arguments(HelpSearchQuerySchema, location="query")
@blp.response(200, HelpSearchSchema)
def help_search(query):
    """FAQ entries and feedback containing every word of `q`, the best match first."""
    return search.search(query["q"], query["limit"])
