"""REST view of a video's reactions across every party that played it (owner analytics)."""

import uuid

import marshmallow as ma

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.interactive import video_heatmap
from watchparty.interactive.schemas import HeatmapBucketSchema, HeatmapQuerySchema

blp = Blueprint("interactive_videos", __name__, description="Video analytics: reactions")
VIDEO = "/<uuid:video_id>/analytics"


class VideoHeatmapSchema(ma.Schema):
    """Reactions by video position, over every party that played the video."""

    video_id = ma.fields.UUID()
    bucket_seconds = ma.fields.Integer()
    parties = ma.fields.Integer()
    total = ma.fields.Integer()
    buckets = ma.fields.List(ma.fields.Nested(HeatmapBucketSchema))


@blp.get(f"{VIDEO}/heatmap/")
@auth_required
@blp.arguments(HeatmapQuerySchema, location="query")
@blp.response(200, VideoHeatmapSchema)
def heatmap(query, video_id: uuid.UUID):
    """Reactions in every party that played the video, by video position (owner only)."""
    return video_heatmap.heatmap(current_user, video_id, query["bucket_seconds"])
