"""REST views of integrations: S3 uploads and signed URLs, and the integrations' health."""

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import ErrorSchema
from watchparty.integrations.health import health
from watchparty.integrations.schemas import (
    IntegrationsHealthSchema,
    StreamingUrlSchema,
    UploadFileSchema,
)
from watchparty.videos import direct_uploads, upload_completion
from watchparty.videos.upload_limits import FORM_OVERHEAD, guard_uploads
from watchparty.videos.upload_schemas import (
    FileDeclarationSchema,
    StoredUploadSchema,
    UploadGrantSchema,
)

blp = Blueprint("integrations", __name__, description="Integrations: S3 storage, health")
guard_uploads(blp, "file", {"s3_upload"}, extra=lambda: FORM_OVERHEAD)


@blp.get("/health/")
@blp.response(200, IntegrationsHealthSchema)
def integrations_health():
    """Which integrations answer (S3 is checked with one cheap request when configured)."""
    return health()


@blp.post("/s3/presigned-upload/")
@auth_required
@blp.arguments(FileDeclarationSchema)
@blp.response(201, UploadGrantSchema)
@blp.alt_response(413, schema=ErrorSchema, description="file_size over VIDEO_MAX_BYTES")
@blp.alt_response(
    415, schema=ErrorSchema, description="Extension not among the accepted containers"
)
def s3_presigned_upload(body):
    """Get a presigned PUT URL for a video (then POST /api/videos/upload/<id>/complete/)."""
    return direct_uploads.presign(current_user, **body)


@blp.post("/s3/upload/")
@auth_required
@blp.arguments(UploadFileSchema, location="files")
@blp.response(201, StoredUploadSchema)
@blp.alt_response(
    413, schema=ErrorSchema, description="Larger than VIDEO_MAX_BYTES (refused while streaming)"
)
@blp.alt_response(
    415, schema=ErrorSchema, description="Not a video container (recognised by its bytes)"
)
def s3_upload(files):
    """Upload a video file (multipart `file`) to storage; complete it into a video later."""
    return direct_uploads.relay_upload(current_user, files.get("file") or files.get("video_file"))


@blp.get("/s3/files/<path:file_key>/streaming-url/")
@auth_required
@blp.response(200, StreamingUrlSchema)
def s3_streaming_url(file_key: str):
    """A signed, expiring URL to a file you uploaded."""
    return upload_completion.streaming_url(current_user, file_key)
