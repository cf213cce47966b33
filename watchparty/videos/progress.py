"""Processing progress: stored on the video (about once a second) and pushed to its owner."""

import time
import uuid
from datetime import timedelta

from sqlalchemy import update

from watchparty.common.realtime import VIDEOS_NS, user_room
from watchparty.common.types import iso, utcnow
from watchparty.extensions import db, socketio
from watchparty.videos.models import Video

EVENT = "video_progress"
INTERVAL = 1.0


def emit(video: Video, step: str | None = None) -> None:
    """Send the video's processing state to every /videos connection of its owner."""
    payload = {
        "video_id": str(video.id),
        "status": video.status,
        "progress": video.progress,
        "step": step,
        "estimated_completion": iso(video.estimated_completion),
        "failure_reason": video.failure_reason,
    }
    socketio.emit(EVENT, payload, namespace=VIDEOS_NS, to=user_room(video.owner_id))


class Tracker:
    """Turns ffmpeg's seconds-done into a percentage and an ETA for one attempt."""

    def __init__(self, video: Video, attempt: int, duration: float | None) -> None:
        self.video = video
        self.attempt = attempt
        self.duration = duration or 0.0
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, seconds_done: float) -> None:
        """ffmpeg reached `seconds_done` of the source: record and announce, throttled."""
        now = time.monotonic()
        if now - self.last < INTERVAL or self.duration <= 0:
            return
        self.last = now
        fraction = min(1.0, max(0.0, seconds_done / self.duration))
        # 100 means published: encoding tops out below it.
        percent = min(99, int(fraction * 100))
        eta = None
        if fraction > 0.01:
            left = (now - self.started) * (1 - fraction) / fraction
            eta = utcnow() + timedelta(seconds=left)
        self.store(percent, eta)

    def store(self, percent: int, eta) -> None:
        """Write progress only while this attempt is still the current one, then emit."""
        values = {"progress": percent, "estimated_completion": eta}
        if not _update(self.video.id, self.attempt, values):
            return
        self.video.progress, self.video.estimated_completion = percent, eta
        emit(self.video, "transcoding")


def _update(video_id: uuid.UUID, attempt: int, values: dict) -> bool:
    """Apply `values` if `attempt` is still the video's latest; whether it was."""
    result = db.session.execute(
        update(Video)
        .where(Video.id == video_id, Video.attempts == attempt)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1
