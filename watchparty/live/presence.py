"""Who is connected to each party, on any process; entries die with their process.

Each connection's entry lives in a hash per party (field = Socket.IO sid) and names the
process that holds the connection. Every process refreshes a heartbeat key; entries of a
process whose heartbeat lapsed (killed, crashed) are ignored and pruned on the next read,
so a kill -9 never leaves ghosts in `online_count`. Users whose last connection was pruned
are recorded as departed until the parties layer takes them (`take_departed`) to announce
"left"; each process's heartbeat notices a dead process and calls the `on_process_death`
listeners, so somebody announces even when nobody joins afterwards.
"""

import json
import logging
import uuid

from watchparty.extensions import socketio
from watchparty.live.state import PROCESS_ID, server_ms, store

log = logging.getLogger(__name__)

_heartbeat = {"started": False, "ttl": 15.0}
# Dead processes this process has already reacted to (each survivor reacts once).
_mourned: set[str] = set()
_death_listeners: list = []
_PROCS = "presence:procs"
_FORGET_MS = 3_600_000  # a dead process leaves the registry after an hour


def _key(party_id) -> str:
    return f"presence:{party_id}"


def _departed_key(party_id) -> str:
    return f"presence:departed:{party_id}"


def on_process_death(fn):
    """Register `fn()` to run (in an app context) when this process sees another one die."""
    if fn not in _death_listeners:
        _death_listeners.append(fn)
    return fn


def ensure_heartbeat(app) -> None:
    """Start this process's heartbeat (once): it proves our presence entries are alive."""
    if _heartbeat["started"]:
        return
    _heartbeat["started"] = True
    socketio.start_background_task(_beat, app)


def _beat(app) -> None:
    # PRESENCE_HEARTBEAT_TTL must outlast a few missed beats (default: beat 5 s, TTL 15 s).
    every = app.config["PRESENCE_HEARTBEAT_SECONDS"]
    _heartbeat["ttl"] = app.config["PRESENCE_HEARTBEAT_TTL"]
    while True:
        with app.app_context():
            try:
                store().set(f"proc:{PROCESS_ID}", "1", ttl=_heartbeat["ttl"])
                store().hset(_PROCS, PROCESS_ID, str(server_ms()))
                if _newly_dead():
                    for listener in _death_listeners:
                        listener()
            except Exception:  # a Redis blip must not kill the heartbeat
                log.warning("presence heartbeat failed", exc_info=True)
        socketio.sleep(every)


def _newly_dead() -> bool:
    """Whether a process died since the last beat: one hash read plus one get per process."""
    found = False
    for proc, beat in store().hgetall(_PROCS).items():
        if server_ms() - int(beat) > _FORGET_MS:
            store().hdel(_PROCS, proc)
        if proc == PROCESS_ID or proc in _mourned or _alive(proc, {}):
            continue
        _mourned.add(proc)
        found = True
    return found


def _alive(proc: str, cache: dict) -> bool:
    if proc == PROCESS_ID:
        return True
    if proc not in cache:
        cache[proc] = store().get(f"proc:{proc}") is not None
    return cache[proc]


def mark_alive() -> None:
    """Prove this process alive now (its first connection may come before the first beat)."""
    store().set(f"proc:{PROCESS_ID}", "1", ttl=_heartbeat["ttl"])


def process_alive(proc: str, cache: dict) -> bool:
    """Whether process `proc` still beats (`cache` remembers answers within one read)."""
    return _alive(proc, cache)


def join(party_id, sid: str, user_id: uuid.UUID, **info) -> None:
    """Record connection `sid` of `user_id` as present in the party."""
    mark_alive()
    entry = {"user_id": str(user_id), "proc": PROCESS_ID, "since": server_ms(), **info}
    store().hset(_key(party_id), sid, json.dumps(entry))


def touch(party_id, sid: str, **changes) -> dict | None:
    """Merge `changes` into a connection's entry (only its own process writes it)."""
    raw = store().hget(_key(party_id), sid)
    if raw is None:
        return None
    entry = json.loads(raw) | changes
    store().hset(_key(party_id), sid, json.dumps(entry))
    return entry


def leave(party_id, sid: str) -> None:
    """Forget connection `sid` in the party."""
    store().hdel(_key(party_id), sid)


def connections(party_id) -> dict[str, dict]:
    """Live connections of the party: sid -> entry; entries of dead processes are pruned."""
    raw = store().hgetall(_key(party_id))
    cache: dict = {}
    live, dead = {}, {}
    for sid, value in raw.items():
        entry = json.loads(value)
        if _alive(entry["proc"], cache):
            live[sid] = entry
        else:
            dead[sid] = entry
    if dead:
        _prune(party_id, dead, {entry["user_id"] for entry in live.values()})
    return live


def _prune(party_id, dead: dict[str, dict], online: set[str]) -> None:
    """Drop dead entries; users left without a live connection are recorded as departed."""
    store().hdel(_key(party_id), *dead)
    # Readers race to prune the same entries: only the one that claims a sid records it.
    claimed = [
        entry["user_id"]
        for sid, entry in dead.items()
        if store().set(f"presence:pruned:{sid}", "1", ttl=60, nx=True)
    ]
    gone = set(claimed) - online
    if gone:
        store().update(
            _departed_key(party_id),
            lambda old: json.dumps(sorted(gone | set(json.loads(old or "[]")))),
        )


def take_departed(party_id) -> list[str]:
    """User ids (str) whose last connection died with its process, each returned once."""
    if store().get(_departed_key(party_id)) in (None, "[]"):
        return []  # the common case costs one read
    taken: dict = {}

    def clear(old):
        taken["old"] = old  # the last call's value is what the atomic update replaced
        return "[]" if old and old != "[]" else None

    store().update(_departed_key(party_id), clear)
    return json.loads(taken.get("old") or "[]")


def online_users(party_id) -> dict[str, dict]:
    """user_id (str) -> the newest entry among that user's live connections."""
    users: dict[str, dict] = {}
    for entry in connections(party_id).values():
        known = users.get(entry["user_id"])
        if known is None or entry.get("since", 0) >= known.get("since", 0):
            users[entry["user_id"]] = entry
    return users


def online_count(party_id) -> int:
    """Distinct users connected to the party right now."""
    return len(online_users(party_id))
