"""Each kind's rules for who may find it, decided at query time with the owning domain's own
rules (videos.catalog, parties.service, users' search filters, feed.access), and its popularity.

`scope(stmt, viewer)` joins the kind's table (an index row without its object never shows)
and adds the SQL conditions; `allowed(obj, viewer)` is the last word for the few rows SQL
cannot decide (a private video seen through a party)."""

from sqlalchemy import false, func, literal, not_, select, true
from sqlalchemy.orm import aliased

from watchparty.creators.models import CreatorProfile
from watchparty.feed.models import Post, PostLike
from watchparty.friends.models import Block
from watchparty.parties.models import Party
from watchparty.parties.service import visible_to as party_visible_to
from watchparty.search.models import SearchDocument as D
from watchparty.users.models import ACTIVE, User
from watchparty.users.service import search_filters
from watchparty.videos import access as video_access
from watchparty.videos.catalog import LIKE_WEIGHT
from watchparty.videos.catalog import visible_to as video_visible_to
from watchparty.videos.models import PRIVATE, READY, Video

Owner = aliased(User, name="owner")


def unblocked(column, viewer):
    """SQL: `column` (a user id) neither blocked the viewer nor was blocked by them."""
    if viewer is None:
        return true()
    theirs = select(Block.blocker_id).where(Block.blocked_id == viewer.id)
    mine = select(Block.blocked_id).where(Block.blocker_id == viewer.id)
    return column.not_in(theirs) & column.not_in(mine)


def _videos(stmt, viewer):
    viewer_id = viewer.id if viewer else None
    listed = video_visible_to(viewer_id)
    if viewer is not None:  # candidates: the access rule below decides each
        granted = (Video.visibility == PRIVATE) & (Video.status == READY) & not_(Video.hidden)
        listed = listed | granted
    return stmt.join(Video, Video.id == D.object_id).where(listed, unblocked(D.owner_id, viewer))


def _parties(stmt, viewer):
    viewer_id = viewer.id if viewer else None
    return stmt.join(Party, Party.id == D.object_id).where(
        party_visible_to(viewer_id), unblocked(D.owner_id, viewer)
    )


def _users(stmt, viewer):
    if viewer is None:  # people are found by signed-in users only, as in /api/users/search/
        return stmt.join(User, User.id == D.object_id).where(false())
    searchable = User.privacy_settings["searchable"].as_boolean().is_not(false())
    return stmt.join(User, User.id == D.object_id).where(
        User.status == ACTIVE,
        User.id != viewer.id,
        searchable,
        unblocked(User.id, viewer),
        *search_filters.run(viewer),
    )


def _creators(stmt, viewer):
    return (
        stmt.join(CreatorProfile, CreatorProfile.user_id == D.object_id)
        .join(Owner, Owner.id == CreatorProfile.user_id)
        .where(Owner.status == ACTIVE, unblocked(D.owner_id, viewer))
    )


def _posts(stmt, viewer):
    shown = not_(Post.hidden)
    if viewer is not None:
        shown = shown | (Post.creator_id == viewer.id)
    return (
        stmt.join(Post, Post.id == D.object_id)
        .join(Owner, Owner.id == Post.creator_id)
        .where(Owner.status == ACTIVE, shown, unblocked(D.owner_id, viewer))
    )


def _post_likes():
    return select(func.count()).where(PostLike.post_id == Post.id).correlate(Post).scalar_subquery()


def _video_allowed(video: Video, viewer) -> bool:
    return video.visibility != PRIVATE or video_access.can_view(viewer, video)


KINDS = {
    "video": (Video, _videos, lambda: Video.views_count + LIKE_WEIGHT * Video.likes_count),
    "party": (Party, _parties, lambda: Party.seats_taken + Party.peak_online),
    "user": (User, _users, lambda: literal(0)),
    "creator": (CreatorProfile, _creators, lambda: CreatorProfile.subscriber_count),
    "post": (Post, _posts, _post_likes),
}
ALLOWED = {"video": _video_allowed}
# The plural the API speaks, for each kind.
PLURALS = {
    "video": "videos",
    "party": "parties",
    "user": "users",
    "creator": "creators",
    "post": "posts",
}


def allowed(kind: str, obj, viewer) -> bool:
    """The owning domain's last word on one candidate."""
    check = ALLOWED.get(kind)
    return check is None or check(obj, viewer)
