"""REST views of friends and blocks, under /api/users/ (seed 003 "Friend System",
"Enhanced Social Features", "User Relationships")."""

import uuid

from watchparty.common.auth import auth_required, me
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import MessageSchema, message
from watchparty.friends import blocks, discovery, service
from watchparty.friends.schemas import (
    BlockSchema,
    FriendPageSchema,
    FriendRequestBodySchema,
    FriendRequestResultSchema,
    FriendRequestsSchema,
    FriendshipSchema,
    SuggestionQuerySchema,
    SuggestionSchema,
    UserRefSchema,
)
from watchparty.users.schemas import UserBriefSchema

blp = Blueprint("friends", __name__, description="Users: friends and blocks")


def _sent(link):
    text = "You are now friends." if link.status == "accepted" else "Friend request sent."
    return {"success": True, "message": text, "request": link}


@blp.get("/friends/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, FriendPageSchema)
def list_friends(query):
    """Your friends, the newest friendship first."""
    return service.friends(me(), query["page"], query["page_size"])


@blp.post("/friends/request/")
@auth_required
@blp.arguments(FriendRequestBodySchema)
@blp.response(201, FriendRequestResultSchema)
def send_request(body):
    """Ask someone (`username`: display name or email, or `user_id`) to be friends; if they
    asked you first, you become friends."""
    handle = str(body["user_id"]) if body.get("user_id") else body["username"]
    return _sent(service.request(me(), service.resolve(handle)))


@blp.post("/<uuid:user_id>/friend-request/")
@auth_required
@blp.response(201, FriendRequestResultSchema)
def send_request_to(user_id: uuid.UUID):
    """Ask a user (by id) to be friends."""
    return _sent(service.request(me(), service.person(user_id)))


@blp.get("/<uuid:user_id>/friendship/")
@auth_required
@blp.response(200, FriendshipSchema)
def friendship(user_id: uuid.UUID):
    """Whether you and this user are friends, one of you asked, or you blocked them."""
    return service.friendship(me(), user_id)


@blp.get("/friends/requests/")
@auth_required
@blp.response(200, FriendRequestsSchema)
def pending_requests():
    """Requests sent to you (`incoming`) and by you (`outgoing`)."""
    return service.requests(me())


@blp.post("/friends/<uuid:request_id>/accept/")
@auth_required
@blp.response(200, FriendRequestResultSchema)
def accept_request(request_id: uuid.UUID):
    """Accept a request sent to you."""
    return _sent(service.accept(me(), request_id))


@blp.post("/friends/<uuid:request_id>/decline/")
@auth_required
@blp.response(200, MessageSchema)
def decline_request(request_id: uuid.UUID):
    """Decline a request sent to you."""
    service.decline(me(), request_id)
    return message("Friend request declined.")


@blp.delete("/friends/requests/<uuid:request_id>/")
@auth_required
@blp.response(200, MessageSchema)
def cancel_request(request_id: uuid.UUID):
    """Withdraw a request you sent."""
    service.cancel(me(), request_id)
    return message("Friend request cancelled.")


@blp.delete("/friends/<string(maxlength=254):username>/remove/")
@auth_required
@blp.response(200, MessageSchema)
def remove_friend(username: str):
    """End a friendship (the friend by id, display name or email)."""
    service.remove(me(), service.resolve(username))
    return message("Friend removed.")


@blp.get("/friends/suggestions/")
@auth_required
@blp.arguments(SuggestionQuerySchema, location="query")
@blp.response(200, SuggestionSchema(many=True))
def suggestions(query):
    """People you may know: friends of friends and people you watched parties with."""
    return discovery.suggestions(me(), query["limit"])


@blp.get("/<uuid:user_id>/mutual-friends/")
@auth_required
@blp.response(200, UserBriefSchema(many=True))
def mutual_friends(user_id: uuid.UUID):
    """The friends you and this user have in common."""
    return discovery.mutual(me(), service.person(user_id))


@blp.post("/block/")
@auth_required
@blp.arguments(UserRefSchema)
@blp.response(200, MessageSchema)
def block(body):
    """Block someone: it ends any friendship or request between you."""
    blocks.block(me(), service.person(body["user_id"]))
    return message("User blocked.")


@blp.post("/<uuid:user_id>/block/")
@auth_required
@blp.response(200, MessageSchema)
def block_user(user_id: uuid.UUID):
    """Block a user (by id)."""
    blocks.block(me(), service.person(user_id))
    return message("User blocked.")


@blp.post("/unblock/")
@auth_required
@blp.arguments(UserRefSchema)
@blp.response(200, MessageSchema)
def unblock(body):
    """Lift a block."""
    blocks.unblock(me(), service.person(body["user_id"]))
    return message("User unblocked.")


@blp.get("/blocked/")
@auth_required
@blp.response(200, BlockSchema(many=True))
def blocked():
    """The people you blocked."""
    return blocks.blocked_list(me())
