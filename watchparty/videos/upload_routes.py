"""REST views of video uploads: multipart, direct to storage (presigned PUT), complete, status."""

import uuid

from flask import request

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint, multipart_schema
from watchparty.common.schemas import ErrorSchema
from watchparty.videos import direct_uploads, upload_completion, uploads
from watchparty.videos.upload_limits import FORM_OVERHEAD, guard_uploads, max_thumbnail_bytes
from watchparty.videos.upload_schemas import (
    FileDeclarationSchema,
    UploadCompleteSchema,
    UploadFilesSchema,
    UploadFormSchema,
    UploadGrantSchema,
    UploadResultSchema,
    UploadStatusSchema,
    VideoCreateSchema,
    VideoWithUploadSchema,
)

blp = Blueprint("videos_upload_routes", __name__, description="Videos: uploads")
guard_uploads(
    blp,
    "video_file",
    {"upload_video", "create_video"},
    # beside the video: a thumbnail and the text fields
    extra=lambda: max_thumbnail_bytes() + FORM_OVERHEAD,
)
TOO_LARGE = "Larger than VIDEO_MAX_BYTES"
NOT_VIDEO = "Not a video container"
# POST / takes either body, so it parses by content type itself; this documents both.
CREATE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": VideoCreateSchema},
        "multipart/form-data": {"schema": multipart_schema(UploadFormSchema, UploadFilesSchema)},
    },
}


def _multipart_upload(form: dict, files: dict):
    video_file = files.get("video_file") or files.get("file")
    return uploads.upload_video(current_user, form, video_file, files.get("thumbnail"))


@blp.post("/upload/")
@auth_required
@blp.arguments(UploadFormSchema, location="form")
@blp.arguments(UploadFilesSchema, location="files")
@blp.response(201, UploadResultSchema)
@blp.alt_response(413, schema=ErrorSchema, description=f"{TOO_LARGE} (refused while streaming)")
@blp.alt_response(415, schema=ErrorSchema, description=f"{NOT_VIDEO} (recognised by its bytes)")
def upload_video(form, files):
    """Upload a video (multipart `video_file`, `title`...): stored, then processed."""
    return uploads.as_result(*_multipart_upload(form, files))


@blp.post("/")
@auth_required
@blp.doc(requestBody=CREATE_BODY)
@blp.response(201, VideoWithUploadSchema)
@blp.alt_response(413, schema=ErrorSchema, description=TOO_LARGE)
@blp.alt_response(415, schema=ErrorSchema, description=NOT_VIDEO)
def create_video():
    """Create a video: multipart with the file (as /upload/), or JSON metadata that returns
    an `upload` grant for a direct upload finished by /upload/<upload_id>/complete/."""
    parser = blp.ARGUMENTS_PARSER
    if request.mimetype == "multipart/form-data":
        form = parser.parse(UploadFormSchema(), request, location="form")
        files = parser.parse(UploadFilesSchema(), request, location="files")
        video, _upload = _multipart_upload(form, files)
        return video
    body = parser.parse(VideoCreateSchema(), request, location="json")
    return direct_uploads.create_video_for_upload(current_user, body)


@blp.post("/upload/s3/")
@auth_required
@blp.arguments(FileDeclarationSchema)
@blp.response(201, UploadGrantSchema)
@blp.alt_response(413, schema=ErrorSchema, description="file_size over VIDEO_MAX_BYTES")
@blp.alt_response(
    415, schema=ErrorSchema, description="Extension not among the accepted containers"
)
def presign_upload(body):
    """Get a presigned PUT URL to upload a video straight to storage."""
    return direct_uploads.presign(current_user, **body)


@blp.post("/upload/<uuid:upload_id>/complete/")
@auth_required
@blp.arguments(UploadCompleteSchema)
@blp.response(201, UploadResultSchema)
def complete_upload(body, upload_id: uuid.UUID):
    """Finish a direct upload: the object is checked, becomes a video and is processed."""
    return uploads.as_result(*upload_completion.complete(current_user, upload_id, body))


@blp.get("/upload/<uuid:upload_id>/status/")
@auth_required
@blp.response(200, UploadStatusSchema)
def upload_status(upload_id: uuid.UUID):
    """Your upload's status: uploading, then its video's processing progress."""
    return upload_completion.upload_status(current_user, upload_id)
