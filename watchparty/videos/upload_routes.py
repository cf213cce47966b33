"""REST views of video uploads: multipart, direct to storage (presigned PUT), complete, status."""

import uuid

from flask import jsonify, request

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.videos import direct_uploads, upload_completion, uploads
from watchparty.videos.schemas import dump_video
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


def _result(video, upload) -> dict:
    return UploadResultSchema().dump(
        {
            "success": True,
            "upload_id": upload.id,
            "video_id": video.id,
            "status": video.status,
            "video": video,
        }
    )


def _multipart_upload(form: dict, files: dict):
    video_file = files.get("video_file") or files.get("file")
    return uploads.upload_video(current_user, form, video_file, files.get("thumbnail"))


@blp.post("/upload/")
@auth_required
@blp.arguments(UploadFormSchema, location="form")
@blp.arguments(UploadFilesSchema, location="files")
@blp.response(201, UploadResultSchema)
@blp.alt_response(413, description="Larger than VIDEO_MAX_BYTES (refused while streaming)")
@blp.alt_response(415, description="Not a video container (recognised by its bytes)")
def upload_video(form, files):
    """Upload a video (multipart `video_file`, `title`...): stored, then processed."""
    video, upload = _multipart_upload(form, files)
    return jsonify(_result(video, upload)), 201


@blp.post("/")
@auth_required
@blp.response(201, VideoWithUploadSchema)
@blp.alt_response(413, description="Larger than VIDEO_MAX_BYTES")
@blp.alt_response(415, description="Not a video container")
def create_video():
    """Create a video: multipart with the file (as /upload/), or JSON metadata that returns
    an `upload` grant for a direct upload finished by /upload/<upload_id>/complete/."""
    parser = blp.ARGUMENTS_PARSER
    if request.mimetype == "multipart/form-data":
        form = parser.parse(UploadFormSchema(), request, location="form")
        files = parser.parse(UploadFilesSchema(), request, location="files")
        video, _upload = _multipart_upload(form, files)
        return jsonify(dump_video(video)), 201
    body = parser.parse(VideoCreateSchema(), request, location="json")
    video, grant = direct_uploads.create_video_for_upload(current_user, body)
    return jsonify(dump_video(video) | {"upload": UploadGrantSchema().dump(grant)}), 201


@blp.post("/upload/s3/")
@auth_required
@blp.arguments(FileDeclarationSchema)
@blp.response(201, UploadGrantSchema)
@blp.alt_response(413, description="file_size over VIDEO_MAX_BYTES")
@blp.alt_response(415, description="Extension not among the accepted containers")
def presign_upload(body):
    """Get a presigned PUT URL to upload a video straight to storage."""
    grant = direct_uploads.presign(current_user, **body)
    return jsonify(UploadGrantSchema().dump(grant)), 201


@blp.post("/upload/<uuid:upload_id>/complete/")
@auth_required
@blp.arguments(UploadCompleteSchema)
@blp.response(201, UploadResultSchema)
def complete_upload(body, upload_id: uuid.UUID):
    """Finish a direct upload: the object is checked, becomes a video and is processed."""
    video, upload = upload_completion.complete(current_user, upload_id, body)
    return jsonify(_result(video, upload)), 201


@blp.get("/upload/<uuid:upload_id>/status/")
@auth_required
@blp.response(200, UploadStatusSchema)
def upload_status(upload_id: uuid.UUID):
    """Your upload's status: uploading, then its video's processing progress."""
    status = upload_completion.upload_status(current_user, upload_id)
    return jsonify(UploadStatusSchema().dump(status))
