"""Presence announcements: one event per join or leave in ordinary rooms, batched in big ones.

Each join is told to the whole room, so a room of N viewers that (re)connects at once costs
N² deliveries: 1,000 viewers reconnecting after their process died would be a million
messages, enough to stall a process for a minute. From PRESENCE_BATCH_MIN viewers online,
joins and leaves are collected and sent once every PRESENCE_BATCH_SECONDS as a single
`presence {party_id, user: null, event: "batch", joined: [...], left: [...], online_count}`.
A batch waits in the process that saw the joins; if that process dies first, the next
snapshot and batch still carry the right `online_count`.
"""

import logging
import threading

from flask import current_app

from watchparty.extensions import socketio
from watchparty.live import presence
from watchparty.parties import broadcast

log = logging.getLogger(__name__)

_pending: dict[str, dict[str, list]] = {}
_lock = threading.Lock()
_flusher = {"started": False}


def announce(party_id, user: dict, event: str, online: int) -> None:
    """Tell the room `user` joined or left: now in small rooms, in the next batch in big ones."""
    if online < current_app.config["PRESENCE_BATCH_MIN"]:
        payload = {"party_id": str(party_id), "user": user, "event": event, "online_count": online}
        broadcast.emit("presence", payload, party_id)
        return
    with _lock:
        batch = _pending.setdefault(str(party_id), {"joined": [], "left": []})
        batch[event].append(user)
    _start(current_app._get_current_object())


def _start(app) -> None:
    with _lock:
        if _flusher["started"]:
            return
        _flusher["started"] = True
    socketio.start_background_task(_flush_forever, app)


def _flush_forever(app) -> None:
    while True:
        socketio.sleep(app.config["PRESENCE_BATCH_SECONDS"])
        with app.app_context():
            try:
                flush()
            except Exception:  # a background loop has nobody to report to
                log.exception("presence batch failed")


def flush() -> None:
    """Send every collected batch (one `presence` event per party)."""
    with _lock:
        pending = dict(_pending)
        _pending.clear()
    for party_id, batch in pending.items():
        payload = {"party_id": party_id, "user": None, "event": "batch", **batch}
        payload["online_count"] = presence.online_count(party_id)
        broadcast.emit("presence", payload, party_id)
