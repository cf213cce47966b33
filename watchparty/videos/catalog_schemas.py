"""Catalogue pages: the video list, search with facets, and the trending ranking."""

import marshmallow as ma

from watchparty.common.pagination import PaginatedSchema, page_of
from watchparty.videos.schemas import VideoSchema


class FacetSchema(ma.Schema):
    """A category or quality, and how many matches have it."""

    name = ma.fields.String()
    count = ma.fields.Integer()


class FacetsSchema(ma.Schema):
    """Counts over the whole filtered result set (not just the page)."""

    categories = ma.fields.List(ma.fields.Nested(FacetSchema))
    qualities = ma.fields.List(ma.fields.Nested(FacetSchema))


class TrendingVideoSchema(VideoSchema):
    """A video with the numbers that ranked it."""

    trending_score = ma.fields.Integer(metadata={"description": "recent views + 3 x recent likes"})
    recent_views = ma.fields.Integer()
    recent_likes = ma.fields.Integer()


VideoPage = page_of(VideoSchema, "VideoPage")
SearchPage = PaginatedSchema.from_dict(
    {
        "results": ma.fields.List(ma.fields.Nested(VideoSchema)),
        "facets": ma.fields.Nested(FacetsSchema),
        "query": ma.fields.String(),
    },
    name="VideoSearchPage",
)
# Seed 003's "trending videos analytics": the ranking says how it was made.
TrendingPage = PaginatedSchema.from_dict(
    {
        "results": ma.fields.List(ma.fields.Nested(TrendingVideoSchema)),
        "window_hours": ma.fields.Integer(metadata={"description": "TRENDING_WINDOW_HOURS"}),
        "formula": ma.fields.String(metadata={"description": "how trending_score is computed"}),
    },
    name="TrendingVideoPage",
)
