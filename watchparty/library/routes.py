"""REST views of your library under /api/users/ (seed 003 "Activity & History")."""

import uuid

from watchparty.common.auth import auth_required, me
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import MessageSchema, message
from watchparty.library import service
from watchparty.library.schemas import (
    ClearedSchema,
    FavoriteAddedSchema,
    FavoriteAddSchema,
    FavoritePageSchema,
    FavoriteQuerySchema,
    WatchHistoryPageSchema,
)

blp = Blueprint("library", __name__, description="Users: watch history and favorites")


@blp.get("/watch-history/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, WatchHistoryPageSchema)
def watch_history(query):
    """What you watched, the latest first (recorded from the player and from parties)."""
    return service.history(me(), query["page"], query["page_size"])


@blp.delete("/watch-history/")
@auth_required
@blp.response(200, ClearedSchema)
def clear_history():
    """Clear your whole watch history."""
    return service.clear(me())


@blp.delete("/watch-history/<uuid:entry_id>/")
@auth_required
@blp.response(200, MessageSchema)
def forget_entry(entry_id: uuid.UUID):
    """Delete one entry of your watch history."""
    service.forget(me(), entry_id)
    return message("Removed from your history.")


@blp.get("/favorites/")
@auth_required
@blp.arguments(FavoriteQuerySchema, location="query")
@blp.response(200, FavoritePageSchema)
def favorites(query):
    """Your favorite videos and parties (only those you may still see), newest first."""
    return service.favorites(me(), query.get("content_type"), query["page"], query["page_size"])


@blp.post("/favorites/add/")
@auth_required
@blp.arguments(FavoriteAddSchema)
@blp.response(201, FavoriteAddedSchema)
def add_favorite(body):
    """Mark a video or party you can see as a favorite (again: the same one, `created` false)."""
    return service.add_favorite(me(), body["content_type"], body["content_id"])


@blp.delete("/favorites/<uuid:favorite_id>/remove/")
@auth_required
@blp.response(200, MessageSchema)
def remove_favorite(favorite_id: uuid.UUID):
    """Remove one of your favorites."""
    service.remove_favorite(me(), favorite_id)
    return message("Removed from your favorites.")
