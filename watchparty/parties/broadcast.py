"""Emitting to a party's clients from any process: REST views, socket handlers and jobs alike.

With a message queue configured, `socketio.emit` publishes through Redis, so a command
handled by one web process reaches clients held by every other.
"""

import uuid

from watchparty.common.hooks import Hook
from watchparty.common.realtime import CHAT_NS, INTERACTIVE_NS, PARTY_NS, room
from watchparty.extensions import socketio
from watchparty.live import presence, rooms

# fn(party_id, user_id): a member was cut off the party (kicked, banned, left); the domains
# with rooms of their own (voice) take them out.
removed = Hook("parties.broadcast.removed")


def emit(event: str, payload: dict, party_id, namespace: str = PARTY_NS) -> None:
    """Send `event` to everyone in the party's room of `namespace`."""
    socketio.emit(event, payload, namespace=namespace, to=room(party_id))


def user_sids(party_id, user_id: uuid.UUID) -> list[str]:
    """The /party connections a user holds in the party, on any process."""
    wanted = str(user_id)
    return [sid for sid, e in presence.connections(party_id).items() if e["user_id"] == wanted]


def emit_to_user(event: str, payload: dict, party_id, user_id: uuid.UUID) -> None:
    """Send `event` to one user's /party connections in the party."""
    for sid in user_sids(party_id, user_id):
        socketio.emit(event, payload, namespace=PARTY_NS, to=sid)


def disconnect_user(party_id, user_id: uuid.UUID) -> None:
    """Cut a removed user off the party: close their /party connections, take their /chat
    and /interactive connections out of its rooms (telling chat clients `removed`)."""
    for sid in user_sids(party_id, user_id):
        presence.leave(party_id, sid)
        socketio.server.disconnect(sid, namespace=PARTY_NS)
    rooms.cut_off(CHAT_NS, party_id, user_id, "removed", {"party_id": str(party_id)})
    rooms.cut_off(INTERACTIVE_NS, party_id, user_id)
    removed.run(party_id, user_id)
