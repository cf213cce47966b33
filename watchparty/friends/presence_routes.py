"""REST views of friends' presence (seed 003 "User Relationships": online status of friends)
and of what they did lately (the issue's friends' activity feed)."""

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.friends import activity, presence
from watchparty.friends.schemas import FriendActivityPageSchema, OnlineStatusSchema

blp = Blueprint("presence", __name__, description="Users: friends' presence and activity")


@blp.get("/online-status/")
@auth_required
@blp.response(200, OnlineStatusSchema)
def online_status():
    """Each friend: online, away or offline, last seen, and the party they watch (when it is
    public or you are in it too); friends who hide their status look offline."""
    return presence.friends_status(current_user._get_current_object())


@blp.get("/friends/activity/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, FriendActivityPageSchema)
def friends_activity(query):
    """What your friends did lately (hosted or joined a party, uploaded a video), newest first;
    only parties and videos you may see. Your own log is /api/users/activity/."""
    return activity.feed(current_user._get_current_object(), query["page"], query["page_size"])
