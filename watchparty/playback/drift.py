"""Reports -> corrections: each client says where it is about once a second; the server
compares that with where the authoritative state says it should be and, beyond a small
threshold, tells that client how to get back.

Small drift is closed by a rate nudge (inaudible, no stall); large drift by a seek scheduled
at a server time that already accounts for the client's one-way delay. CyTube waits for 2 s
of drift and Syncplay for 4 s before acting; 30 ms is below what viewers notice side by side.
"""

import uuid
from contextlib import contextmanager

from flask import current_app

from watchparty.common.realtime import PARTY_NS, room
from watchparty.errors import Forbidden, Unavailable
from watchparty.extensions import socketio
from watchparty.live import presence
from watchparty.live.state import server_ms
from watchparty.parties.access import get_party
from watchparty.playback import ready, sync

# A rate nudge closes the drift over about this long; capped at +-10 % so it stays unheard.
CATCH_UP_MS = 3000
MAX_NUDGE = 0.10
SEEK_MARGIN_MS = 15


_in_flight = {"reports": 0}


def _config(name: str):
    return current_app.config[name]


@contextmanager
def report_slot():
    """Admit a report unless REPORT_CONCURRENCY are already being handled in this process.

    Reports are advisory and come every second, so when a process is saturated (say, a
    thousand viewers reconnecting at once) it answers the surplus `busy` at once instead of
    queueing them on Redis connections and starving joins, commands and chat.
    """
    if _in_flight["reports"] >= _config("REPORT_CONCURRENCY"):
        raise Unavailable("The server is busy; report again in a second.", code="busy")
    _in_flight["reports"] += 1
    try:
        yield
    finally:
        _in_flight["reports"] -= 1


def correction(state: dict, drift_ms: float, rtt: float, now: int) -> dict | None:
    """What a client `drift_ms` ahead of `state` should do, or None when close enough."""
    if abs(drift_ms) <= _config("SYNC_DRIFT_THRESHOLD_MS"):
        return None
    if state["playing"] and abs(drift_ms) < _config("SYNC_SEEK_THRESHOLD_MS"):
        base = state["rate"]
        rate = base * (1 - drift_ms / CATCH_UP_MS)
        rate = min(max(rate, base * (1 - MAX_NUDGE)), base * (1 + MAX_NUDGE))
        return {"drift_ms": drift_ms, "action": "rate", "rate": round(rate, 4)}
    at = now + int(rtt / 2) + SEEK_MARGIN_MS
    position = round(sync.position_at(state, at), 3)
    return {"drift_ms": drift_ms, "action": "seek", "position": position, "at": at}


def report(party_id: uuid.UUID, user_id: uuid.UUID, sid: str, data: dict) -> dict:
    """Record a client's playback report; correct it, resend the state, or drive waits."""
    if room(party_id) not in socketio.server.rooms(sid, namespace=PARTY_NS):
        raise Forbidden("Join the party first.", code="not_joined")
    now = server_ms()
    state = sync.current(party_id)
    if ready.expired(state, now):  # judge the client against the resumed state, not the wait
        ready.expire(party_id, state)
        state = sync.current(party_id)
    rtt = data["rtt"] or 0.0
    sampled = data["sampled_at"] or now - rtt / 2
    # Before `at` the client may rightly still be on the previous state: judge it later.
    drift = None if sampled < state["at"] else (data["position"] - sync.position_at(state, sampled))
    drift_ms = None if drift is None else round(drift * 1000, 1)
    entry = presence.touch(
        party_id,
        sid,
        rtt=data["rtt"],
        drift_ms=drift_ms,
        buffering=data["buffering"],
        position=data["position"],
        seen=now,
    )
    if entry is None:
        raise Forbidden("Join the party first.", code="not_joined")
    _drive_wait(party_id, user_id, state, not data["buffering"] and entry.get("ready") is not False)
    fix = None
    if not data["buffering"] and drift_ms is not None:
        fix = _correct(state, data, drift_ms, rtt, now, sid)
    return {"drift_ms": drift_ms, "correction": fix}


def _correct(state: dict, data: dict, drift_ms: float, rtt: float, now: int, sid: str):
    if data["playing"] != state["playing"]:
        socketio.emit("state", sync.public(state), namespace=PARTY_NS, to=sid)
        return {"action": "state"}
    fix = correction(state, drift_ms, rtt, now)
    if fix is not None:
        socketio.emit("correct", fix, namespace=PARTY_NS, to=sid)
    return fix


def _drive_wait(party_id, user_id, state: dict, is_ready: bool) -> None:
    """Start or end a wait only on a transition, so steady reports cost no writes."""
    uid = str(user_id)
    waiting, dropped = state.get("waiting") or [], state.get("dropped") or []
    if is_ready and (uid in waiting or uid in dropped):
        ready.ready(party_id, user_id)
        return
    active = state["playing"] or state.get("resume")
    if not is_ready and active and uid not in waiting and uid not in dropped:
        party = get_party(party_id)
        if party.wait_for_ready:
            ready.not_ready(party_id, user_id, party)
