"""What each searchable thing is found by: its kind, owner, title, body and tags.

A gated post is found by its title only, so its locked body never matches anyone's words; a
profile that is not public is found by name only, never by its bio."""

from watchparty.creators.models import CreatorProfile
from watchparty.feed.models import PUBLIC as POST_PUBLIC
from watchparty.feed.models import Post
from watchparty.parties.models import Party
from watchparty.users.models import User
from watchparty.videos.models import Video


def _video(video: Video) -> dict:
    tags = " ".join(str(t) for t in (video.tags or []))
    return dict(
        kind="video",
        owner_id=video.owner_id,
        title=video.title or "",
        body=video.description or "",
        tags=f"{tags} {video.category or ''}".strip(),
    )


def _party(party: Party) -> dict:
    return dict(
        kind="party",
        owner_id=party.host_id,
        title=party.title or "",
        body=party.description or "",
        tags=party.category or "",
    )


def user_name(user: User) -> str:
    """Every name a person is found by: display name, first and last name."""
    parts = (user.display_name, user.first_name, user.last_name)
    return " ".join(p for p in parts if p)


def _user(user: User) -> dict:
    public = (user.privacy_settings or {}).get("profile_visibility", "public") == "public"
    return dict(
        kind="user",
        owner_id=user.id,
        title=user_name(user),
        body=(user.bio or "") if public else "",
        tags=(user.location or "") if public else "",
    )


def _creator(profile: CreatorProfile) -> dict:
    return dict(
        kind="creator",
        owner_id=profile.user_id,
        title=user_name(profile.user) if profile.user else "",
        body=profile.bio or "",
        tags="",
    )


def _post(post: Post) -> dict:
    return dict(
        kind="post",
        owner_id=post.creator_id,
        title=post.title or "",
        body=(post.text or "") if post.visibility == POST_PUBLIC else "",
        tags="",
    )


BUILDERS = {Video: _video, Party: _party, User: _user, CreatorProfile: _creator, Post: _post}
MODELS = {"video": Video, "party": Party, "user": User, "creator": CreatorProfile, "post": Post}


def object_id(obj):
    """The indexed object's id (a creator profile's is its user's)."""
    return obj.user_id if isinstance(obj, CreatorProfile) else obj.id


def document(obj) -> dict | None:
    """The index row's values for `obj`, or None when it is not a searchable kind."""
    build = BUILDERS.get(type(obj))
    if build is None:
        return None
    created = getattr(obj, "created_at", None) or getattr(obj, "date_joined", None)
    return build(obj) | {"object_id": object_id(obj), "created_at": created}
