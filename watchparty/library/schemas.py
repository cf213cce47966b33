"""Watch history and favorites: bodies and representations (seed 003 "Activity & History")."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.library.models import CONTENT_TYPES


class WatchEntrySchema(ma.Schema):
    """One thing you watched: a video (wherever it played) or a party's own media."""

    id = ma.fields.UUID()
    video_id = ma.fields.UUID(allow_none=True)
    party_id = ma.fields.UUID(allow_none=True)
    title = ma.fields.String()
    seconds = ma.fields.Float(metadata={"description": "time watched in all"})
    last_watched_at = UTCDateTimeField()


WatchHistoryPageSchema = page_of(WatchEntrySchema, "WatchHistoryPage")


class ClearedSchema(ma.Schema):
    """How many history entries were deleted."""

    success = ma.fields.Boolean()
    deleted = ma.fields.Integer()


class FavoriteAddSchema(ma.Schema):
    """`{content_type: video|party, content_id}` (seed 003)."""

    content_type = ma.fields.String(required=True, validate=ma.validate.OneOf(CONTENT_TYPES))
    content_id = ma.fields.UUID(required=True)


class FavoriteQuerySchema(PageQuerySchema):
    """Favorites of one type only, if given."""

    content_type = ma.fields.String(validate=ma.validate.OneOf(CONTENT_TYPES))


class FavoriteSchema(ma.Schema):
    """A favorite and the title of its video or party."""

    id = ma.fields.UUID()
    content_type = ma.fields.String()
    content_id = ma.fields.UUID()
    title = ma.fields.String()
    created_at = UTCDateTimeField()


FavoritePageSchema = page_of(FavoriteSchema, "FavoritePage")


class FavoriteAddedSchema(ma.Schema):
    """The favorite, and whether this call created it."""

    success = ma.fields.Boolean()
    created = ma.fields.Boolean()
    favorite = ma.fields.Nested(FavoriteSchema)
