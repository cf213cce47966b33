"""Start and restart a video's processing (the transcoding worker does the work)."""

import uuid

from watchparty.extensions import db
from watchparty.jobs import jobs
from watchparty.videos.access import get_video
from watchparty.videos.models import PROCESSING

STEPS = ("transcoding", "thumbnail_generation", "quality_variants")


def start_processing(video_id: uuid.UUID) -> None:
    """Mark the video `processing`, commit, and queue its transcode."""
    video = get_video(video_id)
    video.status = PROCESSING
    video.progress = 0
    video.failure_reason = None
    video.processing_steps = {step: "pending" for step in STEPS}
    db.session.commit()
    jobs.enqueue("transcode", "workers.transcode.transcode_video", str(video_id))


def regenerate_thumbnail(video_id: uuid.UUID, timestamp: float) -> None:
    """Queue a new poster frame taken at `timestamp` seconds."""
    jobs.enqueue("transcode", "workers.transcode.regenerate_thumbnail", str(video_id), timestamp)
