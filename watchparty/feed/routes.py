"""REST views of the feed under /api/feed/: the feed, follows (seed 002's
`/feed/api/follow/<creator_id>`), posts with their image, likes and comments."""

import uuid

from flask import redirect

from watchparty.common.auth import auth_required, caller, me, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.guards import accepts_body
from watchparty.common.pagination import PageQuerySchema
from watchparty.feed import engagement, follows, images, listing, media, posts
from watchparty.feed.schemas import (
    FollowStatusSchema,
    LikeStatusSchema,
    MediaQuerySchema,
    PostCommentCreateSchema,
    PostCommentPageSchema,
    PostCommentSchema,
    PostCreateSchema,
    PostImageUploadSchema,
    PostPageSchema,
    PostSchema,
    PostUpdateSchema,
)

blp = Blueprint("feed", __name__, description="Feed: follows, creator posts, likes, comments")


@blp.get("/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, PostPageSchema)
def feed(query):
    """Posts of the creators you follow or subscribe to, newest first; gated ones locked."""
    return listing.feed(me(), query["page"], query["page_size"])


@blp.get("/follow/<uuid:creator_id>/")
@optional_auth
@blp.response(200, FollowStatusSchema)
def follow_status(creator_id: uuid.UUID):
    """Whether you follow the creator, and their follower count."""
    return follows.status(caller(), creator_id)


@blp.post("/follow/<uuid:creator_id>/")
@auth_required
@blp.response(200, FollowStatusSchema)
def follow(creator_id: uuid.UUID):
    """Follow a creator (following again changes nothing)."""
    return follows.follow(me(), creator_id)


@blp.delete("/follow/<uuid:creator_id>/")
@auth_required
@blp.response(200, FollowStatusSchema)
def unfollow(creator_id: uuid.UUID):
    """Stop following a creator."""
    return follows.unfollow(me(), creator_id)


@blp.post("/posts/")
@auth_required
@blp.arguments(PostCreateSchema)
@blp.response(201, PostSchema)
def create_post(body):
    """Publish a post (creators): title, text, visibility `public` or `tiers`, own video."""
    return listing.one(me(), posts.create(me(), body).id)


@blp.get("/posts/<uuid:post_id>/")
@optional_auth
@blp.response(200, PostSchema)
def get_post(post_id: uuid.UUID):
    """One post, locked when you do not see it."""
    return listing.one(caller(), post_id)


@blp.patch("/posts/<uuid:post_id>/")
@auth_required
@blp.arguments(PostUpdateSchema)
@blp.response(200, PostSchema)
def update_post(changes, post_id: uuid.UUID):
    """Edit your post."""
    return listing.one(me(), posts.update(me(), post_id, changes).id)


@blp.delete("/posts/<uuid:post_id>/")
@auth_required
@blp.response(204)
def delete_post(post_id: uuid.UUID):
    """Delete your post with its likes, comments and image."""
    posts.delete(me(), post_id)
    return "", 204


@blp.get("/posts/<uuid:post_id>/image/")
@optional_auth
@blp.arguments(MediaQuerySchema, location="query")
@blp.response(302)
def post_image(query, post_id: uuid.UUID):
    """Redirect to a one-minute URL of the image, for a token (or caller) who sees the post."""
    return redirect(media.image_location(caller(), query["token"], post_id), 302)


@blp.post("/posts/<uuid:post_id>/image/")
@accepts_body("AVATAR_MAX_BYTES")
@auth_required
@blp.arguments(PostImageUploadSchema, location="files")
@blp.response(200, PostSchema)
@blp.alt_response(413, description="Larger than AVATAR_MAX_BYTES")
@blp.alt_response(415, description="Not a JPEG, PNG, GIF or WebP image")
def upload_image(files, post_id: uuid.UUID):
    """Set or replace your post's image (multipart `image`); re-encoded, at most 1600 px."""
    return listing.one(me(), images.attach(me(), post_id, files.get("image")).id)


@blp.delete("/posts/<uuid:post_id>/image/")
@auth_required
@blp.response(200, PostSchema)
def remove_image(post_id: uuid.UUID):
    """Remove your post's image."""
    return listing.one(me(), images.detach(me(), post_id).id)


@blp.post("/posts/<uuid:post_id>/like/")
@auth_required
@blp.response(200, LikeStatusSchema)
def like(post_id: uuid.UUID):
    """Like a post you see (liking again changes nothing)."""
    return engagement.like(me(), post_id)


@blp.delete("/posts/<uuid:post_id>/like/")
@auth_required
@blp.response(200, LikeStatusSchema)
def unlike(post_id: uuid.UUID):
    """Take back your like."""
    return engagement.unlike(me(), post_id)


@blp.get("/posts/<uuid:post_id>/comments/")
@optional_auth
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, PostCommentPageSchema)
def list_comments(query, post_id: uuid.UUID):
    """Comments on a post you see, oldest first."""
    return engagement.comments(caller(), post_id, query["page"], query["page_size"])


@blp.post("/posts/<uuid:post_id>/comments/")
@auth_required
@blp.arguments(PostCommentCreateSchema)
@blp.response(201, PostCommentSchema)
def add_comment(body, post_id: uuid.UUID):
    """Comment on a post you see (1 to 1000 characters)."""
    return engagement.comment(me(), post_id, body["text"])


@blp.delete("/posts/<uuid:post_id>/comments/<uuid:comment_id>/")
@auth_required
@blp.response(204)
def delete_comment(post_id: uuid.UUID, comment_id: uuid.UUID):
    """Delete a comment: yours, or any on your post."""
    engagement.delete_comment(me(), post_id, comment_id)
    return "", 204
