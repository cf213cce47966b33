"""Namespace /notifications: each connection hears its user's notifications as they happen."""

import uuid

from flask import request
from flask_socketio import emit, join_room

from watchparty.common.realtime import user_room
from watchparty.extensions import db
from watchparty.live.sockets import AuthedNamespace, acked, current_user_id
from watchparty.notifications import service
from watchparty.notifications.schemas import SocketReadSchema
from watchparty.users.models import User


class NotificationsNamespace(AuthedNamespace):
    """`notification`, `read` and `deleted` arrive in the user's room; `mark_read` is acked."""

    def connected(self, user_id: uuid.UUID) -> None:
        """Join the user's room and send the unread count (`unread_count` {unread_count})."""
        join_room(user_room(user_id), sid=request.sid, namespace=self.namespace)
        emit("unread_count", {"unread_count": service.unread_count(user_id)})

    @acked(SocketReadSchema)
    def on_mark_read(self, payload):
        """Client read a notification (`id`) or all of them (no id)."""
        return service.mark_read(db.session.get(User, current_user_id()), payload["id"])
