"""Wait-for-ready: a playing group pauses while a member buffers and resumes, scheduled,
when everyone is ready, or when the wait times out.

Jellyfin SyncPlay users know the failure modes: a wait nobody ends, and a laggard that
pauses everyone again and again. Here the wait has a deadline stored with the state, checked
lazily on every report/ready/time event from anyone in the party and by a timer in the
process that started it, so it ends even if that process dies. A member dropped by the
timeout does not pause the group again until it has been ready once.
"""

import logging

from flask import current_app

from watchparty.errors import NotFound
from watchparty.extensions import db, socketio
from watchparty.live import presence
from watchparty.live.state import server_ms
from watchparty.parties.access import get_party, require_member
from watchparty.playback import sync

log = logging.getLogger(__name__)

WAITING, READY, TIMEOUT = "waiting", "ready", "timeout"


def timeout_ms() -> int:
    """How long the group waits for a laggard (config READY_TIMEOUT_MS)."""
    return int(current_app.config["READY_TIMEOUT_MS"])


def unready_users(entries, state: dict) -> list[str]:
    """Users with a buffering or not-ready connection, minus those the last timeout dropped."""
    dropped = set(state.get("dropped") or [])
    found = {e["user_id"] for e in entries if e.get("buffering") or e.get("ready") is False}
    return sorted(found - dropped)


def hold(state: dict, users, now: int, timeout: int) -> dict:
    """`state` (already a new seq) turned into a paused wait for `users`."""
    deadline = max(state.get("deadline") or 0, now + timeout)
    waiting = sorted(set(state.get("waiting") or []) | set(users))
    return state | {
        "playing": False,
        "reason": WAITING,
        "waiting": waiting,
        "resume": True,
        "deadline": deadline,
    }


def _resume(state: dict, now: int, lead: int, reason: str) -> dict:
    return state | {
        "seq": state["seq"] + 1,
        "playing": True,
        "at": now + lead,
        "reason": reason,
        "waiting": [],
        "resume": False,
        "deadline": None,
    }


def not_ready(party_id, user_id, party=None) -> None:
    """A member buffers: pause a playing group (on one scheduled frame) and wait for them."""
    uid, lead, timeout = str(user_id), sync.room_lead(party_id), timeout_ms()

    def fn(state: dict, now: int) -> dict | None:
        if uid in (state.get("dropped") or []) or uid in (state.get("waiting") or []):
            return None
        if not (state["playing"] or state.get("resume")):
            return None
        at = now + lead if state["playing"] else state["at"]
        paused = state | {"seq": state["seq"] + 1, "position": sync.position_at(state, at)}
        return hold(paused | {"at": at}, [uid], now, timeout)

    state, changed = sync.change(party_id, fn, party)
    if changed:
        schedule(party_id, state["deadline"])


def ready(party_id, user_id) -> None:
    """A member is ready (or gone): stop waiting for them; resume when nobody is left."""
    uid, lead = str(user_id), sync.room_lead(party_id)

    def fn(state: dict, now: int) -> dict | None:
        dropped, waiting = state.get("dropped") or [], state.get("waiting") or []
        if uid not in dropped and uid not in waiting:
            return None
        state = state | {"dropped": [u for u in dropped if u != uid]}
        if uid not in waiting:
            return state  # bookkeeping only: no new seq, nothing to broadcast
        rest = [u for u in waiting if u != uid]
        if not rest and state.get("resume"):
            return _resume(state, now, lead, READY)
        return state | {"seq": state["seq"] + 1, "waiting": rest, "reason": WAITING}

    sync.change(party_id, fn)


def set_ready(party_id, user_id, sid: str, is_ready: bool) -> dict:
    """`ready {party_id, ready}` from a member's connection: wait for it, or stop waiting."""
    party = get_party(party_id)
    require_member(party, user_id)
    presence.touch(party_id, sid, ready=is_ready, buffering=not is_ready)
    expire(party_id)
    if is_ready:
        ready(party_id, user_id)
    elif party.wait_for_ready:
        not_ready(party_id, user_id, party)
    return {"ready": is_ready}


def expired(state: dict, now: int) -> bool:
    """Whether the state is a wait whose deadline has passed."""
    return bool(state.get("resume") and state.get("deadline") and now >= state["deadline"])


def expire(party_id, state: dict | None = None) -> None:
    """End a wait past its deadline: drop the laggards and resume (cheap when not waiting)."""
    if not expired(state or sync.current(party_id), server_ms()):
        return
    lead = sync.room_lead(party_id)

    def fn(state: dict, now: int) -> dict | None:
        if not expired(state, now):
            return None
        dropped = sorted(set(state.get("dropped") or []) | set(state.get("waiting") or []))
        return _resume(state | {"dropped": dropped}, now, lead, TIMEOUT)

    sync.change(party_id, fn)


def schedule(party_id, deadline: int) -> None:
    """Check the wait again at its deadline, from this process."""
    app = current_app._get_current_object()
    socketio.start_background_task(_alarm, app, str(party_id), deadline)


def _alarm(app, party_id: str, deadline: int) -> None:
    socketio.sleep(max(0, deadline - server_ms()) / 1000 + 0.02)
    with app.app_context():
        try:
            expire(party_id)
        except NotFound:
            return  # the party was deleted while the timer slept: nothing left to resume
        except Exception:  # a timer has nobody to report to; the lazy checks still run
            log.exception("wait-for-ready timer failed for party %s", party_id)
        finally:
            db.session.remove()
