"""Start and restart a video's processing (the transcoding worker does the work)."""

import uuid

from flask import current_app

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.videos.access import get_video
from watchparty.videos.models import PROCESSING, STEPS
from watchparty.videos.tasks import regenerate_thumbnail as thumbnail_job
from watchparty.videos.tasks import transcode_video

# Probing and publishing come on top of ffmpeg's own time limit.
JOB_MARGIN_SECONDS = 900


def backoff() -> list[int]:
    """Seconds to wait before each retry (TRANSCODE_BACKOFF, e.g. "10,60,300")."""
    setting = current_app.config["TRANSCODE_BACKOFF"]
    items = setting.split(",") if isinstance(setting, str) else setting
    return [max(0, int(float(item))) for item in items if str(item).strip()] or [0]


def start_processing(video_id: uuid.UUID) -> None:
    """Mark the video `processing`, commit, and queue its transcode (retried with backoff)."""
    video = get_video(video_id)
    video.status = PROCESSING
    video.progress = 0
    video.failure_reason = None
    video.attempts = 0
    video.processing_started_at = utcnow()
    video.estimated_completion = None
    video.processing_steps = {step: "pending" for step in STEPS}
    db.session.commit()
    transcode_video.enqueue(
        str(video_id),
        retries=current_app.config["TRANSCODE_RETRIES"],
        backoff=backoff(),
        timeout=current_app.config["TRANSCODE_TIMEOUT"] + JOB_MARGIN_SECONDS,
    )


def regenerate_thumbnail(video_id: uuid.UUID, timestamp: float) -> None:
    """Queue a new poster frame taken at `timestamp` seconds."""
    thumbnail_job.enqueue(
        str(video_id),
        float(timestamp),
        retries=min(2, current_app.config["TRANSCODE_RETRIES"]),
        backoff=backoff(),
        timeout=JOB_MARGIN_SECONDS,
    )
