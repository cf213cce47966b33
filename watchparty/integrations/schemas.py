"""Integration representations: health, uploaded files, signed URLs."""

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField


class IntegrationsHealthSchema(ma.Schema):
    """`healthy` or `degraded`, and each service's state."""

    status = ma.fields.String()
    services = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())


class UploadFileSchema(ma.Schema):
    """Multipart: the video in `file` (or `video_file`)."""

    class Meta:
        unknown = ma.EXCLUDE

    file = ma.fields.Raw(metadata={"type": "string", "format": "binary"})
    video_file = ma.fields.Raw(metadata={"type": "string", "format": "binary"})


class StreamingUrlSchema(ma.Schema):
    """A signed URL to a stored file and when it stops working."""

    streaming_url = ma.fields.String()
    file_key = ma.fields.String()
    expires_at = UTCDateTimeField()
