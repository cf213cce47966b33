"""Namespace /chat: members join a party's chat room, send and delete messages."""

import uuid

from flask import request

from watchparty.chat import service
from watchparty.chat.schemas import (
    ChatPartyRefSchema,
    ChatSocketDeleteSchema,
    ChatSocketSendSchema,
    dump_message,
)
from watchparty.live import rooms
from watchparty.live.sockets import AuthedNamespace, acked, current_user_id


class ChatNamespace(AuthedNamespace):
    """Party chat in real time; every handler acks `{ok, ...}` or an error."""

    def disconnected(self, user_id: uuid.UUID) -> None:
        """Connection closed: forget it in every party chat it was in."""
        rooms.forget(self.namespace, user_id, request.sid)

    @acked(ChatPartyRefSchema)
    def on_join(self, payload):
        """Client enters a party's chat: ack with the last 50 messages and the settings."""
        user_id = current_user_id()
        snapshot = service.enter(payload["party_id"], user_id)
        rooms.enter(self.namespace, payload["party_id"], user_id, request.sid)
        return snapshot

    @acked(ChatSocketSendSchema)
    def on_send(self, payload):
        """Client sends a message: acked once committed, then broadcast as `message`."""
        message = service.send(
            payload["party_id"],
            current_user_id(),
            payload["text"],
            reply_to=payload["reply_to"],
            client_id=payload["client_id"],
            message_type=payload["message_type"],
        )
        return {"message": dump_message(message)}

    @acked(ChatSocketDeleteSchema)
    def on_delete(self, payload):
        """Client (author, host or moderator) deletes a message: broadcast as `deleted`."""
        message = service.delete_message(
            payload["party_id"], current_user_id(), payload["message_id"]
        )
        return {"party_id": str(message.party_id), "message_id": str(message.id)}

    @acked(ChatPartyRefSchema)
    def on_leave(self, payload):
        """Client leaves a party's chat room (it stops receiving its messages)."""
        rooms.leave(self.namespace, payload["party_id"], current_user_id(), request.sid)
        return {"party_id": str(payload["party_id"])}
