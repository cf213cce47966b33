"""The live store bound to the app, server time, and this process's identity."""

import time
import uuid

from flask import Flask, current_app

from watchparty.live.store import MemoryStore, RedisStore

# Names this process in presence entries; a dead process's entries expire with its heartbeat.
PROCESS_ID = uuid.uuid4().hex[:12]


def init_live(app: Flask) -> None:
    """Bind the live store: Redis when REDIS_URL is set, in-process otherwise."""
    url = app.config.get("REDIS_URL")
    size = app.config.get("REDIS_MAX_CONNECTIONS", 200)
    app.extensions["live"] = RedisStore(url, size) if url else MemoryStore()


def store() -> RedisStore | MemoryStore:
    """The app's live store."""
    return current_app.extensions["live"]


def server_ms() -> int:
    """Server time in epoch milliseconds: the clock every real-time payload uses."""
    return int(time.time() * 1000)
