"""Schemas of the staff video list and removal."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.videos.models import STATUSES, VISIBILITIES

_f = ma.fields


class AdminVideoQuerySchema(PageQuerySchema):
    search = _f.String(validate=ma.validate.Length(max=100))
    status = _f.String(validate=ma.validate.OneOf(STATUSES))
    visibility = _f.String(validate=ma.validate.OneOf(VISIBILITIES))
    owner = _f.UUID(metadata={"description": "the owner's user id"})


class VideoOwnerSchema(ma.Schema):
    id = _f.UUID()
    email = _f.String()
    display_name = _f.String(allow_none=True)


class AdminVideoSchema(ma.Schema):
    """A video as staff see it: its owner, state and size."""

    id = _f.UUID()
    title = _f.String()
    owner = _f.Nested(VideoOwnerSchema)
    status = _f.String()
    visibility = _f.String()
    file_size = _f.Integer(allow_none=True)
    duration = _f.Float(allow_none=True)
    views_count = _f.Integer()
    failure_reason = _f.String(allow_none=True)
    created_at = UTCDateTimeField()


AdminVideoPage = page_of(AdminVideoSchema, "AdminVideoPage")


class VideoRemovalSchema(ma.Schema):
    """Why the video goes (kept in the audit log)."""

    class Meta:
        unknown = ma.EXCLUDE

    reason = _f.String(load_default="", validate=ma.validate.Length(max=500))
