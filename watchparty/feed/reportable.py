"""Creators' posts as reportable content (common/reportables.py): hidden or removed, a post
leaves the feed and the creator's page for everyone but its creator."""

import uuid

from watchparty.common import reportables
from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.feed import access
from watchparty.feed.models import Post


def _owner(post_id: uuid.UUID):
    post = db.session.get(Post, post_id)
    return post.creator_id if post is not None else None


def _visible_to(user, post_id: uuid.UUID) -> bool:
    try:
        post = access.post(post_id, user)
    except NotFound:
        return False
    return not post.hidden and access.can_see(post, user.id)


def _text(post_id: uuid.UUID) -> str:
    post = db.session.get(Post, post_id)
    return f"{post.title}\n\n{post.text or ''}".strip() if post is not None else ""


def _flag(hidden: bool):
    def change(post_id: uuid.UUID, actor_id: uuid.UUID | None = None):
        post = db.session.get(Post, post_id)
        if post is not None:
            post.hidden = hidden

    return change


REPORTABLE = reportables.Reportable(
    name=reportables.CREATOR_POST,
    label="Creator post",
    owner=_owner,
    visible_to=_visible_to,
    text=_text,
    hide=_flag(True),
    unhide=_flag(False),
    remove=_flag(True),
)
