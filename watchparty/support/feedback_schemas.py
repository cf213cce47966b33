"""Feedback's bodies and representations (seed 003 "Support Endpoints", Feedback System) and
the help search's."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.support.models import (
    DOWNVOTE,
    FEEDBACK_STATUSES,
    FEEDBACK_TYPES,
    TEXT_MAX,
    TITLE_MAX,
    UPVOTE,
)
from watchparty.support.text import TrimmedSchema, text
from watchparty.users.schemas import UserBriefSchema


class FeedbackCreateSchema(TrimmedSchema):
    """New feedback: its type, title, description and an optional rating of 1 to 5."""

    type = ma.fields.String(required=True, validate=ma.validate.OneOf(FEEDBACK_TYPES))
    title = text(TITLE_MAX, required=True)
    description = text(TEXT_MAX, multiline=True, required=True)
    rating = ma.fields.Integer(
        load_default=None, allow_none=True, strict=True, validate=ma.validate.Range(1, 5)
    )


class FeedbackQuerySchema(PageQuerySchema):
    """`scope`: mine (default) or public (everyone's, the best voted first); type, status."""

    scope = ma.fields.String(load_default="mine", validate=ma.validate.OneOf(("mine", "public")))
    type = ma.fields.String(validate=ma.validate.OneOf(FEEDBACK_TYPES))
    status = ma.fields.String(validate=ma.validate.OneOf(FEEDBACK_STATUSES))


class FeedbackSchema(ma.Schema):
    """Feedback with its votes, its status and the caller's vote."""

    id = ma.fields.UUID()
    type = ma.fields.String(metadata={"description": ", ".join(FEEDBACK_TYPES)})
    title = ma.fields.String()
    description = ma.fields.String()
    rating = ma.fields.Integer(
        allow_none=True, metadata={"description": "shown to its author and staff only"}
    )
    status = ma.fields.String(metadata={"description": ", ".join(FEEDBACK_STATUSES)})
    user = ma.fields.Nested(UserBriefSchema)
    upvotes = ma.fields.Integer()
    downvotes = ma.fields.Integer()
    score = ma.fields.Integer()
    my_vote = ma.fields.String(allow_none=True, metadata={"description": "upvote, downvote"})
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()


FeedbackPageSchema = page_of(FeedbackSchema, "FeedbackPage")


class FeedbackVoteSchema(ma.Schema):
    """`{vote}`: upvote or downvote."""

    vote = ma.fields.String(required=True, validate=ma.validate.OneOf((UPVOTE, DOWNVOTE)))


class FeedbackStatusSchema(ma.Schema):
    """`{status}`: open, planned, in_progress, done or declined."""

    status = ma.fields.String(required=True, validate=ma.validate.OneOf(FEEDBACK_STATUSES))


class HelpSearchQuerySchema(ma.Schema):
    """`q`: the words to look for; `limit`: how many results (max 50)."""

    class Meta:
        unknown = ma.EXCLUDE

    q = text(200, required=True)
    limit = ma.fields.Integer(load_default=20, validate=ma.validate.Range(min=1, max=50))


class HelpResultSchema(ma.Schema):
    """One match: an FAQ entry or feedback, its title, the start of its text, its score."""

    type = ma.fields.String(metadata={"description": "faq or feedback"})
    id = ma.fields.UUID()
    title = ma.fields.String()
    snippet = ma.fields.String()
    score = ma.fields.Integer()


class HelpSearchSchema(ma.Schema):
    """The help search's answer: the query, how many matched, the best first."""

    query = ma.fields.String()
    count = ma.fields.Integer()
    results = ma.fields.List(ma.fields.Nested(HelpResultSchema))
