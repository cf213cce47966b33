"""How many Socket.IO connections each live process holds, for the health pages.

Every process keeps its own count by namespace and writes it to one field (its process id) of
a hash in the live store on each connect and disconnect; a reader skips processes whose
heartbeat lapsed, so a killed process stops counting without cleaning up after itself.
"""

import json
from collections import Counter

from watchparty.live.presence import process_alive
from watchparty.live.state import PROCESS_ID, server_ms, store

_KEY = "live:process-connections"
_counts: Counter = Counter()  # namespace -> connections this process holds


def changed(namespace: str, delta: int) -> None:
    """One connection opened (+1) or closed (-1) on `namespace` in this process."""
    _counts[namespace] = max(0, _counts[namespace] + delta)
    entry = {"namespaces": {ns: n for ns, n in _counts.items() if n}, "at": server_ms()}
    store().hset(_KEY, PROCESS_ID, json.dumps(entry))


def here() -> dict[str, int]:
    """This process's connections by namespace."""
    return {ns: n for ns, n in _counts.items() if n}


def per_process() -> list[dict]:
    """[{process, connections, namespaces, this_process}] of every live process."""
    cache: dict = {}
    rows, dead = [], []
    for proc, raw in store().hgetall(_KEY).items():
        if not process_alive(proc, cache):
            dead.append(proc)
            continue
        namespaces = json.loads(raw).get("namespaces", {})
        rows.append(
            {
                "process": proc,
                "connections": sum(namespaces.values()),
                "namespaces": namespaces,
                "this_process": proc == PROCESS_ID,
            }
        )
    if dead:
        store().hdel(_KEY, *dead)
    return sorted(rows, key=lambda row: (not row["this_process"], row["process"]))
