"""`wsgi.py` for the multi-process tests, with a faster presence heartbeat.

A killed process's connections vanish from presence when its heartbeat key expires; 15 s
is right in production, but the tests should not wait that long.
"""

import os

import wsgi  # patches the async library first, then builds the app
from watchparty.live import presence

presence.HEARTBEAT_SECONDS = float(os.environ.get("PRESENCE_HEARTBEAT_SECONDS", "5"))
presence.HEARTBEAT_TTL = float(os.environ.get("PRESENCE_HEARTBEAT_TTL", "15"))

if __name__ == "__main__":
    wsgi.serve()
