"""Search, autocomplete and discovery: the query strings and the answers (seed 003's shape)."""

import re
import unicodedata

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField
from watchparty.search.sources import PLURALS
from watchparty.users.schemas import avatar_url_of
from watchparty.videos.schemas import thumbnail_url

TYPES = ("all", *PLURALS.values())
SINGULAR = {plural: kind for kind, plural in PLURALS.items()}


def _words_only(value: str) -> None:
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise ma.ValidationError("Control characters are not allowed.")
    if not re.search(r"\w", value):
        raise ma.ValidationError("Type at least one letter or digit.")


def _q(max_length: int):
    return ma.fields.String(
        required=True, validate=[ma.validate.Length(min=1, max=max_length), _words_only]
    )


class _Trimmed(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    @ma.pre_load
    def trim(self, data, **kwargs):
        """Surrounding spaces do not count."""
        data = dict(data)
        if isinstance(data.get("q"), str):
            data["q"] = data["q"].strip()
        return data


class SearchQuerySchema(_Trimmed):
    """`q` (websearch syntax: words, "phrases", -excluded), `type`, page, and filters."""

    q = _q(200)
    type = ma.fields.String(load_default="all", validate=ma.validate.OneOf(TYPES))
    page = ma.fields.Integer(load_default=1, validate=ma.validate.Range(min=1, max=1000))
    page_size = ma.fields.Integer(load_default=20, validate=ma.validate.Range(min=1, max=100))
    category = ma.fields.String(validate=ma.validate.Length(min=1, max=50))
    duration = ma.fields.String(validate=ma.validate.OneOf(("short", "medium", "long")))

    @ma.post_load
    def kind(self, data, **kwargs):
        """The API's plural type as the index's kind."""
        data["type"] = SINGULAR.get(data["type"], "all")
        return data


class SuggestQuerySchema(_Trimmed):
    """`q` as typed so far; `limit` suggestions (max 20)."""

    q = _q(100)
    limit = ma.fields.Integer(load_default=8, validate=ma.validate.Range(min=1, max=20))


class DiscoverQuerySchema(ma.Schema):
    """`category` to narrow to; `limit` items per list (max 50)."""

    class Meta:
        unknown = ma.EXCLUDE

    category = ma.fields.String(validate=ma.validate.Length(min=1, max=50))
    limit = ma.fields.Integer(load_default=10, validate=ma.validate.Range(min=1, max=50))


class VideoHitSchema(ma.Schema):
    """A video found: seed fields plus who uploaded it and how it is doing."""

    id = ma.fields.UUID()
    title = ma.fields.String()
    description = ma.fields.String()
    thumbnail = ma.fields.Function(lambda v: thumbnail_url(v), allow_none=True)
    duration = ma.fields.Float(allow_none=True)
    category = ma.fields.String(allow_none=True)
    views_count = ma.fields.Integer()
    owner = ma.fields.Function(lambda v: v.owner.full_name if v.owner else None, allow_none=True)
    created_at = UTCDateTimeField()
    score = ma.fields.Float(allow_none=True)


class PartyHitSchema(ma.Schema):
    """A party found: its host's name and how many hold a seat."""

    id = ma.fields.UUID()
    title = ma.fields.String()
    description = ma.fields.String()
    host = ma.fields.Function(lambda p: p.host.full_name if p.host else None, allow_none=True)
    participants_count = ma.fields.Integer(attribute="seats_taken")
    status = ma.fields.String()
    visibility = ma.fields.String()
    category = ma.fields.String(allow_none=True)
    scheduled_start = UTCDateTimeField(allow_none=True)
    score = ma.fields.Float(allow_none=True)


class UserHitSchema(ma.Schema):
    """A person found: names and avatar only."""

    id = ma.fields.UUID()
    username = ma.fields.String(attribute="full_name")
    display_name = ma.fields.String(allow_none=True)
    avatar = ma.fields.Function(lambda u: avatar_url_of(u.avatar), allow_none=True)
    score = ma.fields.Float(allow_none=True)


class CreatorHitSchema(ma.Schema):
    """A creator found (the id is the creator's user id)."""

    id = ma.fields.UUID(attribute="user_id")
    username = ma.fields.Function(lambda c: c.user.full_name)
    display_name = ma.fields.Function(lambda c: c.user.display_name, allow_none=True)
    avatar = ma.fields.Function(lambda c: avatar_url_of(c.user.avatar), allow_none=True)
    bio = ma.fields.String()
    is_verified = ma.fields.Boolean()
    subscriber_count = ma.fields.Integer()
    score = ma.fields.Float(allow_none=True)


class PostHitSchema(ma.Schema):
    """A post found; `locked` (a gated post the caller cannot read) shows no text."""

    id = ma.fields.UUID()
    creator_id = ma.fields.UUID()
    title = ma.fields.String()
    text = ma.fields.Function(lambda p: None if p.locked else p.text, allow_none=True)
    locked = ma.fields.Boolean()
    created_at = UTCDateTimeField()
    score = ma.fields.Float(allow_none=True)


def _many(schema):
    return ma.fields.List(ma.fields.Nested(schema))


class SearchResultsSchema(ma.Schema):
    """The matches, grouped by type (a type not asked for is an empty list)."""

    videos = _many(VideoHitSchema)
    parties = _many(PartyHitSchema)
    users = _many(UserHitSchema)
    creators = _many(CreatorHitSchema)
    posts = _many(PostHitSchema)


class NamedCountSchema(ma.Schema):
    """A facet value and how many matches have it."""

    name = ma.fields.String()
    count = ma.fields.Integer()


class SearchFacetsSchema(ma.Schema):
    """Counts over every match: per type, per category, per duration range (videos)."""

    types = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Integer())
    categories = _many(NamedCountSchema)
    durations = _many(NamedCountSchema)


class SearchSchema(ma.Schema):
    """Seed 003's answer: query, grouped results, total_results; plus pages and facets."""

    query = ma.fields.String()
    type = ma.fields.String()
    results = ma.fields.Nested(SearchResultsSchema)
    total_results = ma.fields.Integer()
    page = ma.fields.Integer()
    page_size = ma.fields.Integer()
    total_pages = ma.fields.Integer()
    facets = ma.fields.Nested(SearchFacetsSchema)


class SearchSuggestionSchema(ma.Schema):
    """One autocomplete entry."""

    type = ma.fields.String(metadata={"description": "video, party, user, creator or post"})
    id = ma.fields.UUID()
    title = ma.fields.String()


class SuggestSchema(ma.Schema):
    """Autocomplete: the best titles for what was typed."""

    query = ma.fields.String()
    suggestions = _many(SearchSuggestionSchema)


class RecommendationSchema(ma.Schema):
    """Something to look at, and why."""

    type = ma.fields.String()
    id = ma.fields.UUID()
    title = ma.fields.String()
    reason = ma.fields.String()


class DiscoverSchema(ma.Schema):
    """Seed 003's discover answer."""

    featured_videos = _many(VideoHitSchema)
    trending_parties = _many(PartyHitSchema)
    recommended_content = _many(RecommendationSchema)
    popular_categories = _many(NamedCountSchema)
