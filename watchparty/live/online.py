"""Who is on the site at all: any open connection of a user, on any namespace and process.

Each connection is a field of the user's hash (`namespace|sid`) naming the process that holds
it, so a killed process's connections stop counting as soon as its heartbeat lapses (the same
rule as a party's presence). A user is online with at least one live connection, away when
every live connection says its page is hidden, and offline otherwise, with the time the last
connection closed. Changes are announced once per change to the `changed` contributors (the
friends domain tells friends), whichever process sees them.
"""

import json
import uuid

from watchparty.common.hooks import Hook
from watchparty.live.presence import mark_alive, process_alive
from watchparty.live.state import PROCESS_ID, server_ms, store

ONLINE, AWAY, OFFLINE = "online", "away", "offline"
# fn(user_id, state: {"status", "last_seen"}): a user's site-wide status changed.
changed = Hook("live.online.changed")


def _key(user_id) -> str:
    return f"online:{user_id}"


def _seen_key(user_id) -> str:
    return f"online:seen:{user_id}"


def connected(user_id: uuid.UUID, namespace: str, sid: str) -> None:
    """Count connection `sid` of `user_id`; tell listeners if the user just came online."""
    mark_alive()
    entry = {"proc": PROCESS_ID, "since": server_ms(), "away": False}
    store().hset(_key(user_id), f"{namespace}|{sid}", json.dumps(entry))
    _announce(user_id)


def disconnected(user_id: uuid.UUID, namespace: str, sid: str) -> None:
    """Forget connection `sid`; the user's last seen time moves to now."""
    store().hdel(_key(user_id), f"{namespace}|{sid}")
    store().set(_seen_key(user_id), str(server_ms()))
    _announce(user_id)


def set_away(user_id: uuid.UUID, namespace: str, sid: str, away: bool) -> dict:
    """Mark one connection's page hidden (away) or shown again; returns the user's state."""
    return _touch(user_id, f"{namespace}|{sid}", away=bool(away))


def watching(user_id: uuid.UUID, namespace: str, sid: str, party_id) -> dict:
    """Record which party's room connection `sid` is in (None: it left); returns the state."""
    return _touch(user_id, f"{namespace}|{sid}", party=str(party_id) if party_id else None)


def _touch(user_id: uuid.UUID, field: str, **changes) -> dict:
    raw = store().hget(_key(user_id), field)
    if raw is not None:
        store().hset(_key(user_id), field, json.dumps(json.loads(raw) | changes))
    return _announce(user_id)


def state(user_id) -> dict:
    """{"status": online|away|offline, "last_seen": ms or None, "party_ids": rooms it is in}."""
    cache: dict = {}
    entries = store().hgetall(_key(user_id))
    live, dead = [], []
    for field, raw in entries.items():
        entry = json.loads(raw)
        (live if process_alive(entry["proc"], cache) else dead).append((field, entry))
    if dead:
        store().hdel(_key(user_id), *(field for field, _ in dead))
    seen = store().get(_seen_key(user_id))
    if not live:
        last = max([int(seen or 0)] + [entry["since"] for _, entry in dead]) or None
        return {"status": OFFLINE, "last_seen": last, "party_ids": []}
    status = AWAY if all(entry.get("away") for _, entry in live) else ONLINE
    parties = sorted({entry["party"] for _, entry in live if entry.get("party")})
    return {"status": status, "last_seen": server_ms(), "party_ids": parties}


def connected_on(user_id, namespace: str) -> bool:
    """Whether the user has a live connection on `namespace` (any process)."""
    cache: dict = {}
    for field, raw in store().hgetall(_key(user_id)).items():
        if field.startswith(f"{namespace}|") and process_alive(json.loads(raw)["proc"], cache):
            return True
    return False


def _announce(user_id: uuid.UUID) -> dict:
    """Tell listeners when the status differs from the last one announced (once per change)."""
    now = state(user_id)
    shown = json.dumps([now["status"], now["party_ids"]])
    told: dict = {}

    def swap(old):
        told["old"] = old  # the last call's value is the one this update replaced
        return None if old == shown else shown

    store().update(f"online:told:{user_id}", swap)
    if told.get("old") != shown:
        for listener in changed:
            listener(user_id, now)
    return now
