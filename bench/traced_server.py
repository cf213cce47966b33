"""Run wsgi.py with wall-clock timers around the stages of a /party command; SIGTERM writes
them as JSON to argv[1] and exits; SIGUSR1 forgets what was timed so far (set-up).

cProfile's cumulative times are unreliable across green-thread switches; these timers measure
what a client waits for: the whole Socket.IO dispatch (app context, handler, teardown), the
handler, and each service stage before and after the `state` broadcast.
"""

import importlib
import json
import os
import runpy
import signal
import sys
import time
from collections import defaultdict

out = sys.argv[1]
timings: dict[str, list[float]] = defaultdict(list)
STAGES = [
    ("watchparty.playback.events", "PartyNamespace.on_control"),
    ("watchparty.playback.events", "PartyNamespace.on_time"),
    ("watchparty.playback.events", "PartyNamespace.on_report"),
    ("watchparty.playback.control", "control"),
    ("watchparty.playback.control", "get_party"),
    ("watchparty.playback.control", "require_control"),
    ("watchparty.playback.control", "_claim"),
    ("watchparty.playback.control", "_run"),
    ("watchparty.live.presence", "connections"),
    ("watchparty.playback.sync", "change"),
    ("watchparty.parties.broadcast", "emit"),
    ("watchparty.playback.sync", "persist"),
    ("watchparty.common.realtime", "current_user_id"),
    ("watchparty.chat.events", "ChatNamespace.on_send"),
    ("watchparty.chat.service", "send"),
    ("watchparty.chat.service", "get_party"),
    ("watchparty.chat.service", "require_member"),
    ("watchparty.chat.service", "_by_client_id"),
    ("watchparty.chat.service", "settings_of"),
    ("watchparty.chat.sanctions", "require_can_speak"),
    ("watchparty.chat.rules", "check_flood"),
    ("watchparty.chat.rules", "check_slow_mode"),
    ("watchparty.chat.service", "dump_message"),
    ("watchparty.chat.service", "broadcast"),
]


def timed(name: str, fn):
    """`fn` recording its wall time under `name`."""

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            timings[name].append((time.perf_counter() - started) * 1000)

    wrapper.__wrapped__ = fn
    return wrapper


def instrument(socketio) -> None:
    """Wrap every stage in place (module functions and namespace methods alike)."""
    from watchparty.extensions import db

    db.session.commit = timed("db.session.commit (any)", db.session.commit)
    for module_name, path in STAGES:
        owner = importlib.import_module(module_name)
        *parents, attr = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        setattr(owner, attr, timed(path, getattr(owner, attr)))
    socketio._handle_event = timed("socketio dispatch (any event)", socketio._handle_event)


def dump(*_) -> None:
    """Write the timings and leave at once."""
    with open(out, "w") as f:
        json.dump(timings, f)
    os._exit(0)


signal.signal(signal.SIGTERM, dump)
signal.signal(signal.SIGUSR1, lambda *_: timings.clear())  # the harness's "measuring now"
sys.path[0] = os.getcwd()  # as if wsgi.py were run directly from the project root
server = runpy.run_path("wsgi.py", run_name="wsgi")
instrument(server["socketio"])
server["serve"]()
