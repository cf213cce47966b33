"""Comment bodies and representations (text stored and returned as text: clients escape it)."""

import unicodedata

import marshmallow as ma

from watchparty.common.pagination import page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.users.schemas import UserBriefSchema

MAX_COMMENT = 2000
# Seed spellings of the comment's text; the first one given wins, two different ones are an error.
TEXT_ALIASES = ("content", "text", "body")
ALLOWED_CONTROLS = {"\n", "\t"}


def plain_text(value: str) -> None:
    """Refuse NUL, control characters (other than newline and tab) and lone surrogates."""
    for char in value:
        if char in ALLOWED_CONTROLS:
            continue
        if unicodedata.category(char) in ("Cc", "Cs"):
            raise ma.ValidationError(
                "Control characters (except newline and tab) and broken Unicode are not allowed."
            )


def clean_text(value: str) -> str:
    """Line endings as newlines, and no surrounding blanks."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


class CommentTextSchema(ma.Schema):
    """`content` (or `text` / `body`): 1-2000 characters once trimmed."""

    content = ma.fields.String(
        required=True, validate=[ma.validate.Length(min=1, max=MAX_COMMENT), plain_text]
    )

    @ma.pre_load
    def resolve_aliases(self, data, **kwargs):
        """Accept the seeds' other names for the text; trim it before it is measured."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        given = [data.pop(name) for name in TEXT_ALIASES if name in data]
        if any(not isinstance(value, str) for value in given):
            raise ma.ValidationError({"content": ["Not a valid string."]})
        values = {clean_text(value) for value in given}
        if len(values) > 1:
            raise ma.ValidationError({"content": ["`content`, `text` and `body` disagree."]})
        if values:
            data["content"] = values.pop()
        return data


class CommentCreateSchema(CommentTextSchema):
    """A new comment, or a reply when `parent_id` names a comment of the same video."""

    parent_id = ma.fields.UUID(allow_none=True, load_default=None)
    parent = ma.fields.UUID(allow_none=True, metadata={"description": "= parent_id"})

    @ma.post_load
    def resolve_parent(self, data, **kwargs):
        """`parent` is another spelling of `parent_id`."""
        alias = data.pop("parent", None)
        if alias is not None and data["parent_id"] not in (None, alias):
            raise ma.ValidationError({"parent": ["Conflicts with `parent_id`."]})
        data["parent_id"] = data["parent_id"] or alias
        return data


class CommentSchema(ma.Schema):
    """A comment as every client parses it."""

    id = ma.fields.UUID(dump_only=True)
    video_id = ma.fields.UUID()
    user = ma.fields.Nested(UserBriefSchema)
    content = ma.fields.String(attribute="body")
    text = ma.fields.String(attribute="body", dump_only=True, metadata={"description": "= content"})
    parent_id = ma.fields.UUID(allow_none=True)
    likes_count = ma.fields.Integer()
    like_count = ma.fields.Integer(attribute="likes_count", dump_only=True)
    replies_count = ma.fields.Integer()
    is_liked = ma.fields.Boolean(metadata={"description": "whether the caller likes it"})
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    is_edited = ma.fields.Function(
        lambda c: c.updated_at > c.created_at, metadata={"type": "boolean"}
    )


CommentPageSchema = page_of(CommentSchema)


class CommentLikeResultSchema(ma.Schema):
    """The caller's like of a comment after the change, and the comment's like count."""

    success = ma.fields.Boolean()
    is_liked = ma.fields.Boolean()
    like_count = ma.fields.Integer()
