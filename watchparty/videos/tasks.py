"""Jobs of the `transcode` queue: HLS ladders and thumbnails (run by `python -m workers`)."""

import uuid

from watchparty.jobs import job
from watchparty.videos import thumbnails
from watchparty.videos.transcode import transcode


@job("transcode")
def transcode_video(video_id: str) -> None:
    """Probe, transcode and publish one video (retried by RQ when an attempt fails)."""
    transcode(uuid.UUID(video_id))


@job("transcode")
def regenerate_thumbnail(video_id: str, timestamp: float) -> None:
    """Take the video's thumbnail again at `timestamp` seconds."""
    thumbnails.regenerate(uuid.UUID(video_id), float(timestamp))


@job("default", retries=3, backoff=[10, 60, 300])
def purge_video(video_id: str, upload_keys: list[str]) -> None:
    """Delete a removed video's storage objects: its source, HLS output, thumbnails, uploads."""
    from watchparty.videos import service  # service -> pipeline -> this module

    service.purge_objects([uuid.UUID(video_id)], upload_keys)
