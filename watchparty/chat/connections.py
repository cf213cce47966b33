"""The /chat connections each user holds in a party's chat, on any process.

A ban must reach sockets already in the room: Socket.IO can only take a connection out of a
room by its sid, and with a message queue `leave_room` of a sid held by another process is
relayed to it. So each join records its sid here (in the live store, shared by processes).
"""

import uuid

from watchparty.common.realtime import room
from watchparty.extensions import socketio
from watchparty.live.state import PROCESS_ID, store

CHAT_NS = "/chat"


def _key(party_id, user_id) -> str:
    return f"chat:sids:{party_id}:{user_id}"


def track(party_id, user_id: uuid.UUID, sid: str) -> None:
    """Record that connection `sid` of the user is in the party's chat room."""
    store().hset(_key(party_id, user_id), sid, PROCESS_ID)


def untrack(party_id, user_id: uuid.UUID, sid: str) -> None:
    """Forget connection `sid` (it left the room or closed)."""
    store().hdel(_key(party_id, user_id), sid)


def cut_off(party_id, user_id: uuid.UUID, event: str, payload: dict) -> None:
    """Send `event` to the user's connections in the chat, then take them out of its room."""
    key = _key(party_id, user_id)
    # A sid of a killed process may linger: emitting to it or leaving with it is a no-op.
    for sid in store().hgetall(key):
        socketio.emit(event, payload, namespace=CHAT_NS, to=sid)
        socketio.server.leave_room(sid, room(party_id), namespace=CHAT_NS)
    store().delete(key)
