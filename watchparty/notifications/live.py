"""Telling a user's open tabs, on every web process: a new (or grown) notification, read marks
and deletions, each with the new unread count."""

import uuid

from watchparty.common.realtime import NOTIFICATIONS_NS, user_room
from watchparty.extensions import socketio
from watchparty.notifications.schemas import NotificationSchema

_schema = NotificationSchema()  # one instance: building a schema costs more than a dump


def _emit(user_id: uuid.UUID, event: str, payload: dict) -> None:
    socketio.emit(event, payload, namespace=NOTIFICATIONS_NS, to=user_room(user_id))


def created(row, unread_count: int) -> None:
    """`notification` {notification, unread_count}: new, or a collapsed one that grew."""
    body = {"notification": _schema.dump(row), "unread_count": unread_count}
    _emit(row.user_id, "notification", body)


def read(user_id: uuid.UUID, ids: list | None, unread_count: int) -> None:
    """`read` {ids (null: all), unread_count}: read in another tab or device."""
    _emit(user_id, "read", {"ids": _ids(ids), "unread_count": unread_count})


def deleted(user_id: uuid.UUID, ids: list | None, unread_count: int) -> None:
    """`deleted` {ids (null: all), unread_count}."""
    _emit(user_id, "deleted", {"ids": _ids(ids), "unread_count": unread_count})


def _ids(ids):
    return None if ids is None else [str(i) for i in ids]
