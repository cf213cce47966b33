"""REST views of video analytics (owner only) and channel analytics (the caller's videos)."""

import uuid

import marshmallow as ma

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.videos import analytics
from watchparty.videos.schemas import VideoSchema

blp = Blueprint("videos_analytics_routes", __name__, description="Video analytics")
VIDEO = "/<uuid:video_id>/analytics"


class VideoAnalyticsSchema(ma.Schema):
    """Views, unique viewers, seconds watched and engagement ((likes+comments+shares)/views)."""

    video_id = ma.fields.UUID()
    total_views = ma.fields.Integer()
    unique_viewers = ma.fields.Integer()
    watch_time = ma.fields.Float()
    average_watch_time = ma.fields.Float()
    engagement_rate = ma.fields.Float()
    likes = ma.fields.Integer()
    comments = ma.fields.Integer()
    shares = ma.fields.Integer()


class VideoDayViewsSchema(ma.Schema):
    """Views on one UTC day."""

    date = ma.fields.String()
    views = ma.fields.Integer()


class VideoDetailedAnalyticsSchema(VideoAnalyticsSchema):
    """The summary plus the last 30 days of views."""

    views_by_day = ma.fields.List(ma.fields.Nested(VideoDayViewsSchema))


class RetentionPointSchema(ma.Schema):
    """How many views (and what share of them) watched at least `percent` of the video."""

    percent = ma.fields.Integer()
    viewers = ma.fields.Integer()
    retention = ma.fields.Float()


class VideoRetentionSchema(ma.Schema):
    """The retention curve (empty while the duration is unknown)."""

    video_id = ma.fields.UUID()
    duration = ma.fields.Float(allow_none=True)
    views = ma.fields.Integer()
    points = ma.fields.List(ma.fields.Nested(RetentionPointSchema))


class ChannelAnalyticsSchema(ma.Schema):
    """The caller's totals across their videos, and their most viewed ones."""

    videos = ma.fields.Integer()
    views = ma.fields.Integer()
    likes = ma.fields.Integer()
    comments = ma.fields.Integer()
    shares = ma.fields.Integer()
    watch_time = ma.fields.Float()
    top_videos = ma.fields.List(ma.fields.Nested(VideoSchema))


@blp.get(f"{VIDEO}/")
@auth_required
@blp.response(200, VideoAnalyticsSchema)
def summary(video_id: uuid.UUID):
    """A video's views, unique viewers, watch time and engagement (owner only)."""
    return analytics.summary(current_user, video_id)


@blp.get(f"{VIDEO}/detailed/")
@auth_required
@blp.response(200, VideoDetailedAnalyticsSchema)
def detailed(video_id: uuid.UUID):
    """The summary plus views per day for the last 30 days (owner only)."""
    return analytics.detailed(current_user, video_id)


@blp.get(f"{VIDEO}/retention/")
@auth_required
@blp.response(200, VideoRetentionSchema)
def retention(video_id: uuid.UUID):
    """Share of views that watched at least 10%, 20%, ... 100% of the video (owner only)."""
    return analytics.retention(current_user, video_id)


@blp.get("/analytics/channel/")
@auth_required
@blp.response(200, ChannelAnalyticsSchema)
def channel():
    """The caller's totals across their videos, and their most viewed ones."""
    return analytics.channel(current_user)
