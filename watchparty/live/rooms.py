"""The connections each user holds in a party's room on each namespace, on any process.

Removing someone must reach sockets already in a room: Socket.IO can only take a connection
out of a room by its sid, and with a message queue `leave_room` of a sid held by another
process is relayed to it. So each join records its sid here (in the live store, shared by
processes), and a kick, ban or departure takes every recorded sid out.
"""

import uuid

from watchparty.common.realtime import joined_parties, room
from watchparty.extensions import socketio
from watchparty.live.state import PROCESS_ID, store


def _key(namespace: str, party_id, user_id) -> str:
    return f"rooms:{namespace}:{party_id}:{user_id}"


def enter(namespace: str, party_id, user_id: uuid.UUID, sid: str) -> None:
    """Put connection `sid` in the party's room on `namespace`, and record it."""
    socketio.server.enter_room(sid, room(party_id), namespace=namespace)
    store().hset(_key(namespace, party_id, user_id), sid, PROCESS_ID)


def leave(namespace: str, party_id, user_id: uuid.UUID, sid: str) -> None:
    """Take connection `sid` out of the party's room and forget it."""
    socketio.server.leave_room(sid, room(party_id), namespace=namespace)
    store().hdel(_key(namespace, party_id, user_id), sid)


def forget(namespace: str, user_id: uuid.UUID, sid: str) -> None:
    """A connection closed: forget it in every party room it was in."""
    for party_id in joined_parties(socketio.server, sid, namespace):
        store().hdel(_key(namespace, party_id, user_id), sid)


def cut_off(namespace: str, party_id, user_id: uuid.UUID, event=None, payload=None) -> None:
    """Send `event` (if any) to the user's connections in the room, then take them out."""
    key = _key(namespace, party_id, user_id)
    # A sid of a killed process may linger: emitting to it or leaving with it is a no-op.
    for sid in store().hgetall(key):
        if event:
            socketio.emit(event, payload, namespace=namespace, to=sid)
        socketio.server.leave_room(sid, room(party_id), namespace=namespace)
    store().delete(key)
