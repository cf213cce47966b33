"""What clients send to the videos catalogue: update bodies and list/search query strings."""

from datetime import UTC

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema
from watchparty.videos.models import PRIVATE, PUBLIC, STATUSES, VISIBILITIES
from watchparty.videos.schemas import VideoDetailSchema

WRITABLE = {
    "title",
    "description",
    "category",
    "tags",
    "visibility",
    "is_public",
    "allow_download",
    "require_premium",
}
# Fields of the client's `Video` it may read but not write: named in a 400, never ignored.
READ_ONLY_FIELDS = set(VideoDetailSchema._declared_fields) - WRITABLE
ORDERINGS = ("uploaded_at", "created_at", "views_count", "likes_count", "title", "duration")
ORDERING_CHOICES = ORDERINGS + tuple(f"-{name}" for name in ORDERINGS)
QUALITY = r"^\d{3,4}p$"
MAX_TAGS, MAX_TAG_LENGTH = 20, 50


def _tags(value: list) -> None:
    if len(value) > MAX_TAGS:
        raise ma.ValidationError(f"At most {MAX_TAGS} tags.")
    if any(not tag.strip() or len(tag.strip()) > MAX_TAG_LENGTH for tag in value):
        raise ma.ValidationError(f"Each tag must be 1 to {MAX_TAG_LENGTH} characters.")


class VideoUpdateSchema(ma.Schema):
    """`Partial<Video>`: PUT and PATCH alike; read-only and unknown fields are rejected."""

    title = ma.fields.String(validate=ma.validate.Length(min=1, max=200))
    description = ma.fields.String(validate=ma.validate.Length(max=5000))
    category = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=50))
    tags = ma.fields.List(ma.fields.String(), validate=_tags)
    visibility = ma.fields.String(validate=ma.validate.OneOf(VISIBILITIES))
    allow_download = ma.fields.Boolean()
    require_premium = ma.fields.Boolean()

    @ma.pre_load
    def normalise(self, data, **kwargs):
        """Reject read-only fields by name, map seed 003's `is_public`, trim text."""
        if not isinstance(data, dict):
            return data
        locked = sorted(key for key in data if key in READ_ONLY_FIELDS)
        if locked:
            raise ma.ValidationError({key: ["This field is read-only."] for key in locked})
        data = dict(data)
        if "is_public" in data:
            data["visibility"] = _visibility_from(data.pop("is_public"), data.get("visibility"))
        for key in ("title", "description", "category"):
            if isinstance(data.get(key), str):
                data[key] = data[key].strip()
        if data.get("category") == "":
            data["category"] = None
        return data

    @ma.post_load
    def clean_tags(self, data, **kwargs):
        """Trimmed, without duplicates, in the order given."""
        if "tags" in data:
            data["tags"] = list(dict.fromkeys(tag.strip() for tag in data["tags"]))
        return data


def _visibility_from(flag, visibility):
    """`is_public: true` is public; `false` is private unless `visibility` says unlisted."""
    if not isinstance(flag, bool):
        raise ma.ValidationError({"is_public": ["Not a valid boolean."]})
    if flag:
        if visibility not in (None, PUBLIC):
            raise ma.ValidationError({"is_public": ["Conflicts with `visibility`."]})
        return PUBLIC
    if visibility == PUBLIC:
        raise ma.ValidationError({"is_public": ["Conflicts with `visibility`."]})
    return visibility or PRIVATE


class VideoListQuerySchema(PageQuerySchema):
    """Filters of GET /api/videos/ (seeds 001, 003, 004)."""

    search = ma.fields.String(validate=ma.validate.Length(max=100))
    category = ma.fields.String(validate=ma.validate.Length(max=50))
    uploaded_by = ma.fields.UUID()
    uploader = ma.fields.UUID()
    visibility = ma.fields.String(validate=ma.validate.OneOf(VISIBILITIES))
    status = ma.fields.String(validate=ma.validate.OneOf(STATUSES))
    format = ma.fields.String(validate=ma.validate.Length(max=20))
    ordering = ma.fields.String(
        load_default="-uploaded_at", validate=ma.validate.OneOf(ORDERING_CHOICES)
    )

    @ma.validates_schema
    def one_uploader(self, data, **kwargs):
        """`uploaded_by` and `uploader` are one filter under two names."""
        both = data.get("uploaded_by"), data.get("uploader")
        if all(both) and both[0] != both[1]:
            raise ma.ValidationError("Conflicts with `uploaded_by`.", "uploader")


class SearchQuerySchema(PageQuerySchema):
    """GET /api/videos/search/ (seed 004; `sort_by` is seed 003's name for `ordering`)."""

    q = ma.fields.String(load_default="", validate=ma.validate.Length(max=100))
    category = ma.fields.String(validate=ma.validate.Length(max=50))
    duration_min = ma.fields.Float(validate=ma.validate.Range(min=0))
    duration_max = ma.fields.Float(validate=ma.validate.Range(min=0))
    quality = ma.fields.String(validate=ma.validate.Regexp(QUALITY, error="Like 720p."))
    ordering = ma.fields.String(validate=ma.validate.OneOf(ORDERING_CHOICES))
    sort_by = ma.fields.String(validate=ma.validate.OneOf(ORDERING_CHOICES))

    @ma.validates_schema
    def ranges(self, data, **kwargs):
        """A range whose minimum exceeds its maximum is a mistake, not an empty result."""
        low, high = data.get("duration_min"), data.get("duration_max")
        if low is not None and high is not None and low > high:
            raise ma.ValidationError("Must not exceed `duration_max`.", "duration_min")

    @ma.post_load
    def resolve_ordering(self, data, **kwargs):
        """`ordering` wins over `sort_by`; newest first by default."""
        data["ordering"] = data.pop("ordering", None) or data.pop("sort_by", None) or "-uploaded_at"
        data.pop("sort_by", None)
        return data


class AdvancedSearchQuerySchema(SearchQuerySchema):
    """Search plus uploader, container format and an upload date range."""

    uploader = ma.fields.UUID()
    uploaded_by = ma.fields.UUID()
    format = ma.fields.String(validate=ma.validate.Length(max=20))
    uploaded_after = ma.fields.AwareDateTime(default_timezone=UTC)
    uploaded_before = ma.fields.AwareDateTime(default_timezone=UTC)

    @ma.validates_schema
    def date_range(self, data, **kwargs):
        """The range must not be inverted."""
        after, before = data.get("uploaded_after"), data.get("uploaded_before")
        if after and before and after > before:
            raise ma.ValidationError("Must be before `uploaded_before`.", "uploaded_after")


class TrendingQuerySchema(PageQuerySchema):
    """GET /api/videos/trending/: an optional category."""

    category = ma.fields.String(validate=ma.validate.Length(max=50))


class RegenerateThumbnailSchema(ma.Schema):
    """The second of the video to take the new poster frame from."""

    timestamp = ma.fields.Float(required=True, allow_nan=False)


class PlaybackTokenQuerySchema(ma.Schema):
    """`?token=`: the playback token from /stream/ (optional for public videos)."""

    class Meta:
        unknown = ma.EXCLUDE

    # A URL-safe signed token (itsdangerous): base64url characters and dots, nothing else.
    token = ma.fields.String(
        validate=[ma.validate.Length(max=1000), ma.validate.Regexp(r"^[A-Za-z0-9._-]*$")]
    )
