"""A video's reactions from every party that played it, bucketed by video position."""

import uuid

from sqlalchemy import func, select

from watchparty.extensions import db
from watchparty.interactive.models import Reaction
from watchparty.interactive.reactions import reaction_heatmap_where
from watchparty.parties.models import Party
from watchparty.videos.access import owned_video


def heatmap(user, video_id: uuid.UUID, bucket_seconds: int) -> dict:
    """Reactions from every party that played the video, bucketed by video position."""
    video = owned_video(user, video_id)
    parties = select(Party.id).where(Party.video_id == video.id)
    points = reaction_heatmap_where(Reaction.party_id.in_(parties), bucket_seconds)
    return {
        "video_id": str(video.id),
        "bucket_seconds": bucket_seconds,
        "parties": db.session.scalar(select(func.count()).select_from(parties.subquery())) or 0,
        "total": sum(p["count"] for p in points),
        "buckets": points,
    }
