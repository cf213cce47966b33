"""REST views of videos (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("videos_playback_routes", __name__, description="Videos")
