"""A party's voice room in the live store (Redis, or in-process when embedded).

One JSON value per party, changed only by atomic read-modify-write, so every web process sees
the same room: `peers` (user id -> the connection that holds their voice and its flags),
`forced` (users a host or moderator muted) and `shares` (active screen shares). A peer whose
process died (its heartbeat lapsed) is dropped on the next read; its client re-joins on
reconnect.
"""

import json
from collections.abc import Callable

from watchparty.live import presence
from watchparty.live.state import PROCESS_ID, server_ms, store


def _key(party_id) -> str:
    return f"voice:{party_id}"


def _empty() -> dict:
    return {"peers": {}, "forced": [], "shares": {}}


def _load(raw: str | None) -> dict:
    room = json.loads(raw) if raw else _empty()
    cache: dict = {}
    for user_id, peer in list(room["peers"].items()):
        if not presence.process_alive(peer["proc"], cache):
            drop_peer(room, user_id)
    return room


def read(party_id) -> dict:
    """The party's voice room as it is now (peers of dead processes left out)."""
    return _load(store().get(_key(party_id)))


def prune(party_id) -> dict | None:
    """Store the room without the peers of dead processes; the room if any were dropped."""
    raw = store().get(_key(party_id))
    if raw is None:
        return None
    before = set(json.loads(raw)["peers"])
    room, _ = change(party_id, lambda room: None)
    return room if set(room["peers"]) != before else None


def change(party_id, fn: Callable[[dict], object]) -> tuple[dict, object]:
    """Apply `fn(room)` (it changes the room in place, or raises) atomically; (room, result)."""
    out: dict = {}

    def step(raw: str | None) -> str:
        room = _load(raw)
        out["result"] = fn(room)
        out["room"] = room
        return json.dumps(room)

    store().update(_key(party_id), step)
    return out["room"], out["result"]


def new_peer(user: dict, sid: str, muted: bool, camera: bool) -> dict:
    """A peer entry: who (a UserBrief), which connection and process, and its flags."""
    return {
        "user": user,
        "sid": sid,
        "proc": PROCESS_ID,
        "muted": muted,
        "camera": camera,
        "speaking": False,
        "joined_at": server_ms(),
    }


def drop_peer(room: dict, user_id: str) -> dict | None:
    """Take a user out of the room, ending their screen shares; their entry, if any."""
    peer = room["peers"].pop(user_id, None)
    for share_id, share in list(room["shares"].items()):
        if share["user_id"] == user_id:
            room["shares"].pop(share_id)
    return peer
