"""REST views of the video catalogue: list, detail, update, delete, search, trending."""

import uuid

from watchparty.common.auth import auth_required, caller, current_user, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import MessageSchema, message
from watchparty.videos import catalog, likes, service
from watchparty.videos.catalog_schemas import SearchPage, TrendingPage, VideoPage
from watchparty.videos.input_schemas import (
    AdvancedSearchQuerySchema,
    RegenerateThumbnailSchema,
    SearchQuerySchema,
    TrendingQuerySchema,
    VideoListQuerySchema,
    VideoUpdateSchema,
)
from watchparty.videos.schemas import (
    ProcessingStatusSchema,
    ThumbnailRequestedSchema,
    VideoDetailSchema,
    VideoSchema,
)

blp = Blueprint("videos_routes", __name__, description="Videos: catalogue, search, trending")


def _me():
    return current_user.id if current_user else None


@blp.get("/")
@optional_auth
@blp.arguments(VideoListQuerySchema, location="query")
@blp.response(200, VideoPage)
def list_videos(query):
    """Videos you may see: public ready ones, and all of yours; filtered and ordered."""
    return catalog.list_videos(_me(), query)


@blp.get("/search/")
@optional_auth
@blp.arguments(SearchQuerySchema, location="query")
@blp.response(200, SearchPage)
def search_videos(query):
    """Search titles and descriptions; `facets` counts categories and qualities of all matches."""
    return catalog.search(_me(), query)


@blp.get("/search/advanced/")
@optional_auth
@blp.arguments(AdvancedSearchQuerySchema, location="query")
@blp.response(200, SearchPage)
def advanced_search(query):
    """Search with uploader, container format and upload date range as well."""
    return catalog.search(_me(), query)


@blp.get("/trending/")
@blp.arguments(TrendingQuerySchema, location="query")
@blp.response(200, TrendingPage)
def trending(query):
    """Public ready videos by recent views plus 3x recent likes (last 48 hours)."""
    return catalog.trending(query)


@blp.get("/analytics/trending/")
@blp.arguments(TrendingQuerySchema, location="query")
@blp.response(200, TrendingPage)
def trending_analytics(query):
    """The trending ranking with each video's score, recent views and recent likes."""
    return catalog.trending(query)


@blp.get("/<uuid:video_id>/")
@optional_auth
@blp.response(200, VideoDetailSchema)
def get_video(video_id: uuid.UUID):
    """One video with its processing status and your like (404 when you may not see it)."""
    return likes.seen_by(caller(), video_id)


@blp.route("/<uuid:video_id>/", methods=["PUT", "PATCH"])
@auth_required
@blp.arguments(VideoUpdateSchema)
@blp.response(200, VideoSchema)
def update_video(body, video_id: uuid.UUID):
    """Change a video's details (owner only; PUT and PATCH are both partial)."""
    return service.update_video(caller(), video_id, body)


@blp.delete("/<uuid:video_id>/")
@auth_required
@blp.response(200, MessageSchema)
def delete_video(video_id: uuid.UUID):
    """Delete a video (owner only) and every stored file of it."""
    service.delete_video(caller(), video_id)
    return message("Video deleted successfully")


@blp.get("/<uuid:video_id>/processing-status/")
@auth_required
@blp.response(200, ProcessingStatusSchema)
def processing_status(video_id: uuid.UUID):
    """Status, percent done, steps, estimated completion and failure reason (owner only)."""
    return service.processing_status(caller(), video_id)


@blp.post("/<uuid:video_id>/regenerate-thumbnail/")
@auth_required
@blp.arguments(RegenerateThumbnailSchema)
@blp.response(202, ThumbnailRequestedSchema)
def regenerate_thumbnail(body, video_id: uuid.UUID):
    """Take a new poster frame at `timestamp` seconds (owner only; the video must be ready)."""
    service.request_thumbnail(caller(), video_id, body["timestamp"])
    return message("Thumbnail regeneration started.", timestamp=body["timestamp"])
