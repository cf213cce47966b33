"""REST view of friends' presence (seed 003 "User Relationships": online status of friends)."""

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.friends import presence
from watchparty.friends.schemas import OnlineStatusSchema

blp = Blueprint("presence", __name__, description="Users: friends' presence")


@blp.get("/online-status/")
@auth_required
@blp.response(200, OnlineStatusSchema)
def online_status():
    """Each friend: online, away or offline, last seen, and the party they watch (when it is
    public or you are in it too); friends who hide their status look offline."""
    return presence.friends_status(current_user._get_current_object())
