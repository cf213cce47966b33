"""Namespace /messaging: each connection hears its user's conversations; send, read, typing."""

import uuid

from flask import request
from flask_socketio import join_room

from watchparty.common.realtime import user_room
from watchparty.live.sockets import AuthedNamespace, acked, current_user_id
from watchparty.messaging import messages, service
from watchparty.messaging.schemas import (
    ReadReceiptSchema,
    SocketReadSchema,
    SocketSendSchema,
    SocketTypingSchema,
    dump_message,
)

_receipt = ReadReceiptSchema()


class MessagingNamespace(AuthedNamespace):
    """Direct messages in real time; every handler acks `{ok, ...}` or an error."""

    def connected(self, user_id: uuid.UUID) -> None:
        """Put the connection in its user's room: `message`, `read`, `typing` arrive there."""
        join_room(user_room(user_id), sid=request.sid, namespace=self.namespace)

    @acked(SocketSendSchema)
    def on_send(self, payload):
        """Client sends a message: acked once committed, then delivered as `message`."""
        conversation_id = payload.pop("conversation_id")
        message = messages.send(conversation_id, current_user_id(), **payload)
        return {"message": dump_message(message)}

    @acked(SocketReadSchema)
    def on_read(self, payload):
        """Client has read the conversation (up to `message_id`): the others get `read`."""
        return _receipt.dump(service.mark_read(current_user_id(), **payload))

    @acked(SocketTypingSchema)
    def on_typing(self, payload):
        """Client starts or stops typing: the others get `typing` (nothing is stored)."""
        return messages.typing(payload["conversation_id"], current_user_id(), payload["typing"])
