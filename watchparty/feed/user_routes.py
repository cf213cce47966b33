"""REST view of the creators a user follows, under /api/users/."""

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.feed import follows
from watchparty.feed.schemas import FollowingPageSchema

blp = Blueprint("feed_following", __name__, description="Feed: creators you follow")


@blp.get("/following/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, FollowingPageSchema)
def following(query):
    """The creators you follow, most recently followed first."""
    return follows.following(current_user._get_current_object(), query["page"], query["page_size"])
