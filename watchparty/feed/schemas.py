"""Feed representations: follows, posts (locked or not), likes and comments."""

import marshmallow as ma

from watchparty.common.pagination import page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.feed.models import COMMENT_MAX, PUBLIC, TEXT_MAX, TIERS, TITLE_MAX
from watchparty.users.schemas import UserBriefSchema

_validate = ma.validate


class FollowStatusSchema(ma.Schema):
    """Whether the caller follows a creator, and how many do."""

    creator_id = ma.fields.UUID()
    following = ma.fields.Boolean()
    followers_count = ma.fields.Integer()


class FollowerSchema(ma.Schema):
    """One follower of a creator."""

    user = ma.fields.Nested(UserBriefSchema, attribute="follower", dump_only=True)
    followed_at = UTCDateTimeField(attribute="created_at", dump_only=True)


class FollowingSchema(ma.Schema):
    """One creator the caller follows."""

    creator = ma.fields.Nested(UserBriefSchema, attribute="creator.user", dump_only=True)
    creator_id = ma.fields.UUID(dump_only=True)
    followed_at = UTCDateTimeField(attribute="created_at", dump_only=True)


FollowerPageSchema = page_of(FollowerSchema, "FollowerPage")
FollowingPageSchema = page_of(FollowingSchema, "FollowingPage")


class PostTierSchema(ma.Schema):
    """A tier that sees a gated post."""

    id = ma.fields.UUID(dump_only=True)
    name = ma.fields.String(dump_only=True)


class PostVideoSchema(ma.Schema):
    """A post's video: playback URLs naming the viewer, valid until `expires_at`."""

    video_id = ma.fields.UUID()
    title = ma.fields.String()
    streaming_url = ma.fields.String()
    thumbnail_url = ma.fields.String(allow_none=True)
    duration = ma.fields.Float(allow_none=True)
    expires_at = ma.fields.String()


class PostSchema(ma.Schema):
    """A post as the caller sees it: when `locked`, title and tiers only (no text, no media)."""

    id = ma.fields.UUID(dump_only=True)
    creator_id = ma.fields.UUID(dump_only=True)
    creator = ma.fields.Nested(UserBriefSchema, attribute="creator.user", dump_only=True)
    title = ma.fields.String(dump_only=True)
    text = ma.fields.String(dump_only=True, allow_none=True)
    visibility = ma.fields.String(dump_only=True)
    tiers = ma.fields.List(ma.fields.Nested(PostTierSchema), dump_only=True)
    locked = ma.fields.Boolean(dump_only=True)
    image_url = ma.fields.String(dump_only=True, allow_none=True)
    video = ma.fields.Nested(PostVideoSchema, dump_only=True, allow_none=True)
    like_count = ma.fields.Integer(dump_only=True)
    comment_count = ma.fields.Integer(dump_only=True)
    liked = ma.fields.Boolean(dump_only=True)
    created_at = UTCDateTimeField(dump_only=True)
    updated_at = UTCDateTimeField(dump_only=True)


PostPageSchema = page_of(PostSchema, "PostPage")

_title = {"validate": _validate.Length(min=1, max=TITLE_MAX)}
_text = {"validate": _validate.Length(max=TEXT_MAX)}
_visibility = {"validate": _validate.OneOf([PUBLIC, TIERS])}
_tier_ids = {"validate": _validate.Length(max=20)}


class _Stripped(ma.Schema):
    @ma.post_load
    def strip_title(self, data, **kwargs):
        """A title of only spaces is no title."""
        if "title" in data:
            data["title"] = data["title"].strip()
            if not data["title"]:
                raise ma.ValidationError("A title is required.", "title")
        return data


class PostCreateSchema(_Stripped):
    """A new post: title, text, `public` or `tiers` with `tier_ids`, an optional own video."""

    title = ma.fields.String(required=True, **_title)
    text = ma.fields.String(load_default="", **_text)
    visibility = ma.fields.String(load_default=PUBLIC, **_visibility)
    tier_ids = ma.fields.List(ma.fields.UUID(), load_default=list, **_tier_ids)
    video_id = ma.fields.UUID(load_default=None, allow_none=True)


class PostUpdateSchema(_Stripped):
    """Any of a post's fields; absent ones stay (`video_id: null` removes the video)."""

    title = ma.fields.String(**_title)
    text = ma.fields.String(**_text)
    visibility = ma.fields.String(**_visibility)
    tier_ids = ma.fields.List(ma.fields.UUID(), **_tier_ids)
    video_id = ma.fields.UUID(allow_none=True)


class PostImageUploadSchema(ma.Schema):
    """Multipart upload: the image in `image`."""

    image = ma.fields.Raw(metadata={"type": "string", "format": "binary"})


class MediaQuerySchema(ma.Schema):
    """The media token a post's `image_url` carries."""

    # A URL-safe signed token (itsdangerous): base64url characters and dots, nothing else, so a
    # maximal one still fits in a request line.
    token = ma.fields.String(
        load_default=None,
        validate=[_validate.Length(max=1000), _validate.Regexp(r"^[A-Za-z0-9._-]*$")],
    )


class LikeStatusSchema(ma.Schema):
    post_id = ma.fields.UUID()
    liked = ma.fields.Boolean()
    like_count = ma.fields.Integer()


class PostCommentSchema(ma.Schema):
    """A comment on a post."""

    id = ma.fields.UUID(dump_only=True)
    post_id = ma.fields.UUID(dump_only=True)
    user = ma.fields.Nested(UserBriefSchema, attribute="author", dump_only=True)
    text = ma.fields.String(dump_only=True)
    created_at = UTCDateTimeField(dump_only=True)


PostCommentPageSchema = page_of(PostCommentSchema, "PostCommentPage")


class PostCommentCreateSchema(ma.Schema):
    """A comment: 1 to 1000 characters once trimmed."""

    text = ma.fields.String(required=True, validate=_validate.Length(min=1, max=COMMENT_MAX))

    @ma.post_load
    def strip_text(self, data, **kwargs):
        """A comment of only spaces is no comment."""
        data["text"] = data["text"].strip()
        if not data["text"]:
            raise ma.ValidationError("A comment cannot be empty.", "text")
        return data
