"""REST views of follows and posts on a creator's path, /api/creators/<id>/."""

import uuid

from watchparty.common.auth import auth_required, caller, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.feed import follows, listing
from watchparty.feed.schemas import FollowerPageSchema, FollowStatusSchema, PostPageSchema

blp = Blueprint("feed_creators", __name__, description="Feed: a creator's followers and posts")


@blp.get("/<uuid:creator_id>/follow/")
@optional_auth
@blp.response(200, FollowStatusSchema)
def follow_status(creator_id: uuid.UUID):
    """Whether you follow the creator, and their follower count."""
    return follows.status(caller(), creator_id)


@blp.post("/<uuid:creator_id>/follow/")
@auth_required
@blp.response(200, FollowStatusSchema)
def follow(creator_id: uuid.UUID):
    """Follow a creator (following again changes nothing)."""
    return follows.follow(caller(), creator_id)


@blp.delete("/<uuid:creator_id>/follow/")
@auth_required
@blp.response(200, FollowStatusSchema)
def unfollow(creator_id: uuid.UUID):
    """Stop following a creator."""
    return follows.unfollow(caller(), creator_id)


@blp.get("/<uuid:creator_id>/followers/")
@optional_auth
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, FollowerPageSchema)
def followers(query, creator_id: uuid.UUID):
    """The creator's followers, newest first."""
    return follows.followers(creator_id, query["page"], query["page_size"])


@blp.get("/<uuid:creator_id>/posts/")
@optional_auth
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, PostPageSchema)
def posts(query, creator_id: uuid.UUID):
    """The creator's posts, newest first; gated ones locked unless you subscribe to a tier."""
    return listing.creator_posts(caller(), creator_id, query["page"], query["page_size"])
