"""REST views of party chat under /api/chat/<party_id>/: history, send, room, settings."""

import uuid

from watchparty.chat import active_users, service, settings
from watchparty.chat.schemas import (
    ChatHistoryQuerySchema,
    ChatJoinSchema,
    ChatMessageSchema,
    ChatSendSchema,
    ChatSentMessageSchema,
    ChatSettingsSchema,
)
from watchparty.chat.stats_schemas import ChatActiveUsersSchema, ChatRoomSchema
from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import page_of

blp = Blueprint("chat", __name__, description="Party chat: messages, settings, moderation")


@blp.get("/<uuid:party_id>/messages/")
@auth_required
@blp.arguments(ChatHistoryQuerySchema, location="query")
@blp.response(200, page_of(ChatMessageSchema))
def messages(query, party_id: uuid.UUID):
    """A page of the party's chat, newest first (`before`/`after`: ISO time or message id)."""
    return service.history(party_id, current_user.id, query)


@blp.post("/<uuid:party_id>/messages/send/")
@auth_required
@blp.arguments(ChatSendSchema)
@blp.response(201, ChatSentMessageSchema)
def send(body, party_id: uuid.UUID):
    """Send a message (`message` or `text`); it reaches socket clients like a socket one."""
    return service.send(party_id, current_user.id, **body)


@blp.post("/<uuid:party_id>/join/")
@auth_required
@blp.response(200, ChatJoinSchema)
def join(party_id: uuid.UUID):
    """Enter the party's chat (members only): the settings and a confirmation."""
    snapshot = service.enter(party_id, current_user.id)
    return {"success": True, "message": "Joined the chat.", **snapshot}


@blp.post("/<uuid:party_id>/leave/")
@auth_required
@blp.response(200, ChatRoomSchema)
def leave(party_id: uuid.UUID):
    """Leave the party's chat (a confirmation; sockets leave with the `leave` event)."""
    return service.leave(party_id, current_user.id)


@blp.get("/<uuid:party_id>/active-users/")
@auth_required
@blp.response(200, ChatActiveUsersSchema)
def list_active_users(party_id: uuid.UUID):
    """Members connected to the party right now, with when they were last seen."""
    return active_users.active_users(party_id, current_user.id)


@blp.get("/<uuid:party_id>/settings/")
@auth_required
@blp.response(200, ChatSettingsSchema)
def get_settings(party_id: uuid.UUID):
    """The party's chat settings (members)."""
    return settings.read(party_id, current_user.id)


@blp.route("/<uuid:party_id>/settings/", methods=["PUT", "PATCH"], endpoint="update_settings")
@auth_required
@blp.arguments(ChatSettingsSchema)
@blp.response(200, ChatSettingsSchema)
def update_settings(changes, party_id: uuid.UUID):
    """Change chat settings (host or moderator; partial bodies); broadcast as `settings`."""
    return settings.update(party_id, current_user.id, changes)
