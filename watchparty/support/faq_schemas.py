"""The FAQ's bodies and representations (seed 003 "Support Endpoints", FAQ System)."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.support.models import NAME_MAX, TEXT_MAX, TITLE_MAX
from watchparty.support.text import ChangeSchema, TrimmedSchema, text
from watchparty.users.settings import StrictBoolean

POSITION = ma.validate.Range(min=0, max=10_000)


class FaqCategorySchema(ma.Schema):
    """A category: its name, slug (for `?category=`), description, order, entries."""

    id = ma.fields.UUID()
    name = ma.fields.String()
    slug = ma.fields.String()
    description = ma.fields.String()
    position = ma.fields.Integer()
    faq_count = ma.fields.Integer()


class FaqCategoryBriefSchema(ma.Schema):
    """The category an entry is in."""

    id = ma.fields.UUID()
    name = ma.fields.String()
    slug = ma.fields.String()


class FaqCategoryCreateSchema(TrimmedSchema):
    """A new category: a name, an optional description and position."""

    name = text(NAME_MAX, required=True)
    description = text(1000, multiline=True, min_length=0, load_default="")
    position = ma.fields.Integer(load_default=0, validate=POSITION)


class FaqCategoryUpdateSchema(ChangeSchema):
    """A change of a category's name, description or position."""

    name = text(NAME_MAX)
    description = text(1000, multiline=True, min_length=0)
    position = ma.fields.Integer(validate=POSITION)


class FaqQuerySchema(PageQuerySchema):
    """`category` (an id or slug) and `search` (words in the question or answer)."""

    category = ma.fields.String(validate=ma.validate.Length(max=NAME_MAX))
    search = ma.fields.String(validate=ma.validate.Length(max=200))


class FaqSchema(ma.Schema):
    """An entry, how often it was read and found helpful, and the caller's vote."""

    id = ma.fields.UUID()
    category = ma.fields.Nested(FaqCategoryBriefSchema)
    question = ma.fields.String()
    answer = ma.fields.String()
    position = ma.fields.Integer()
    views = ma.fields.Integer()
    helpful = ma.fields.Integer()
    not_helpful = ma.fields.Integer()
    my_vote = ma.fields.Boolean(
        allow_none=True, metadata={"description": "your vote: true (helpful), false, or null"}
    )
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()


FaqPageSchema = page_of(FaqSchema, "FaqPage")


class FaqCreateSchema(TrimmedSchema):
    """A new entry: its category, question and answer, and an optional position."""

    category_id = ma.fields.UUID(required=True)
    question = text(TITLE_MAX, required=True)
    answer = text(TEXT_MAX, multiline=True, required=True)
    position = ma.fields.Integer(load_default=0, validate=POSITION)


class FaqUpdateSchema(ChangeSchema):
    """A change of an entry's category, question, answer or position."""

    category_id = ma.fields.UUID()
    question = text(TITLE_MAX)
    answer = text(TEXT_MAX, multiline=True)
    position = ma.fields.Integer(validate=POSITION)


class FaqVoteSchema(ma.Schema):
    """`{helpful}`: whether the answer helped."""

    helpful = StrictBoolean(required=True)
