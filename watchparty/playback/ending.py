"""The end of what plays: the state becomes `ended` on its last frame, then the queue moves on.

When a state plays something of known length, the process that made it sets an alarm for
the instant it reaches the end; every `time` event from a client checks the same lazily, so
the end still comes if that process died. At the end every viewer gets one state (paused at
`duration`, applying from the exact end instant) and, when the queue has a next item,
`advance_at` and `up_next`: it starts QUEUE_ADVANCE_SECONDS later unless someone cancels.
"""

import logging

from flask import current_app

from watchparty.errors import NotFound
from watchparty.extensions import db, socketio
from watchparty.live.state import server_ms, store
from watchparty.parties.access import get_party
from watchparty.playback import queue_items, ready, sync
from watchparty.playback.schemas import END

log = logging.getLogger(__name__)
EARLY_MS = 20  # an alarm may wake this much before its instant


def end_at(state: dict) -> int | None:
    """Server ms at which a playing state reaches its end (None: paused or length unknown)."""
    if not state.get("playing") or not state.get("duration") or (state.get("rate") or 0) <= 0:
        return None
    left = max(0.0, state["duration"] - state["position"])
    return int(state["at"] + left / state["rate"] * 1000)


def watch(party_id, state: dict) -> None:
    """Set the alarm a new state needs: for its end, or for its pending advance."""
    due = end_at(state) or state.get("advance_at")
    if due:
        app = current_app._get_current_object()
        socketio.start_background_task(_alarm, app, str(party_id), due)


def _alarm(app, party_id: str, due: int) -> None:
    socketio.sleep(max(0, due - server_ms()) / 1000 + 0.01)
    with app.app_context():
        try:
            expire(party_id)
        except NotFound:
            return  # the party was deleted meanwhile
        except Exception:  # an alarm has nobody to report to; the lazy checks still run
            log.exception("end-of-video alarm failed for party %s", party_id)
        finally:
            db.session.remove()


def catch_up(party_id) -> None:
    """The lazy checks of a client's `time` event, on one read of the state: a wait past its
    deadline, an end or an advance whose alarm died with its process."""
    party_id = sync.party_id_value(party_id)
    state = sync.current(party_id)
    ready.expire(party_id, state)
    expire(party_id, state)


def expire(party_id, state: dict | None = None) -> None:
    """End what plays once it reached its end; start the next item once its time came."""
    party_id = sync.party_id_value(party_id)
    state, now = state or sync.current(party_id), server_ms()
    due = end_at(state)
    if due is not None and now >= due - EARLY_MS:
        finish(party_id)
    elif state.get("advance_at") and now >= state["advance_at"] - EARLY_MS:
        advance(party_id, state)


def finish(party_id) -> None:
    """Mark the end: everyone stops on the last frame; the next item, if any, is announced."""
    upcoming = queue_items.next_up(party_id)
    gap = int(current_app.config["QUEUE_ADVANCE_SECONDS"] * 1000)

    def fn(state: dict, now: int) -> dict | None:
        due = end_at(state)
        if due is None or now < due - EARLY_MS:
            return None
        new = state | {"seq": state["seq"] + 1, "at": due, "reason": END, "playing": False}
        new |= {"position": state["duration"], "waiting": [], "resume": False, "deadline": None}
        if upcoming is not None:
            new |= {"advance_at": due + gap, "up_next": queue_items.brief(upcoming)}
        return new

    sync.change(party_id, fn)


def advance(party_id, state: dict) -> None:
    """Start the next item (once, whichever process or client gets here first)."""
    if not store().set(f"advance:{party_id}:{state['seq']}", "1", ttl=600, nx=True):
        return
    party = get_party(party_id)
    upcoming = queue_items.next_up(party.id)
    if upcoming is not None:
        queue_items.start(party, upcoming, autoplay=True)
