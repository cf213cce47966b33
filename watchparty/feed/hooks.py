"""What the feed domain adds to the domains below it: who may play a private video attached
to a post (videos), what goes when an account is deleted (users) and what a block ends
(friends: follows), and posts as reportable content."""

from collections.abc import Callable

from sqlalchemy import delete, or_, select

from watchparty.common import reportables
from watchparty.extensions import db
from watchparty.feed import access, follows, reportable
from watchparty.feed.models import Follow, Post, PostComment, PostLike
from watchparty.friends import blocks
from watchparty.storage import storage
from watchparty.users import deletion
from watchparty.users.models import User
from watchparty.videos import access as video_access


def remove_account_content(user: User) -> Callable[[], None] | None:
    """Account deletion: the user's follows (both ways), likes, comments and posts, in its
    transaction; the posts' images after the commit."""
    db.session.execute(
        delete(Follow).where(or_(Follow.follower_id == user.id, Follow.creator_id == user.id))
    )
    db.session.execute(delete(PostLike).where(PostLike.user_id == user.id))
    db.session.execute(delete(PostComment).where(PostComment.author_id == user.id))
    images = [
        k for k in db.session.scalars(select(Post.image_key).where(Post.creator_id == user.id)) if k
    ]
    for post in db.session.scalars(select(Post).where(Post.creator_id == user.id)).all():
        db.session.delete(post)
    if not images:
        return None
    return lambda: [storage().delete(key) for key in images]


def register() -> None:
    """Attach the feed domain's contributions (called once by the blueprint table)."""
    deletion.register_cleanup(remove_account_content)
    video_access.viewer_grants.register(access.grants_video)
    blocks.ended_by_block.register(follows.end_between)
    reportables.register(reportable.REPORTABLE)
