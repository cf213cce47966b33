"""Where a playback command's time goes before its `state` broadcast leaves the server.

Runs the real control service (watchparty.playback.control.control) in this process, on the
bench PostgreSQL (and Redis unless --redis ''), with each stage wrapped in a timer: the
party and permission queries, the cmd_id claim, the presence read, the atomic state update,
the broadcast call and the persist after it. No sockets: this isolates server-side work from
network, event loop and client costs measured by sync.py. Small run:

    .venv/bin/python bench/control_path.py --commands 200 --members 100
"""

import argparse
import time
import uuid
from collections import defaultdict

from rt_common import DEFAULT_DB, DEFAULT_REDIS, Seeder, reproduce, reset_stores, summary

STAGES = [
    ("watchparty.playback.control", "get_party"),
    ("watchparty.playback.control", "require_control"),
    ("watchparty.playback.control", "_claim"),
    ("watchparty.live.presence", "connections"),
    ("watchparty.playback.sync", "current"),
    ("watchparty.parties.broadcast", "emit"),
    ("watchparty.playback.sync", "persist"),
]


def instrument(timings: dict) -> None:
    """Wrap each stage so every call's duration (ms) is recorded under its name."""
    import importlib

    for module_name, attr in STAGES:
        module = importlib.import_module(module_name)
        original = getattr(module, attr)

        def timed(*args, _fn=original, _name=f"{module_name.rsplit('.', 1)[1]}.{attr}", **kw):
            started = time.perf_counter()
            try:
                return _fn(*args, **kw)
            finally:
                timings[_name].append((time.perf_counter() - started) * 1000)

        setattr(module, attr, timed)


def main() -> None:
    """Seed one party, run commands, print the per-stage table."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--commands", type=int, default=200)
    p.add_argument("--members", type=int, default=100, help="presence entries in the room")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--redis", default=DEFAULT_REDIS, help="'' runs without Redis")
    args = p.parse_args()
    reset_stores(args.db, args.redis or None)
    seeder = Seeder(args.db, args.redis or None)
    people = seeder.users(args.members + 1)
    party_id = uuid.UUID(seeder.party(people[0][0], [uid for uid, _ in people[1:]]))
    host = uuid.UUID(people[0][0])
    from watchparty.live import presence
    from watchparty.parties import control, sync

    timings: dict[str, list[float]] = defaultdict(list)
    with seeder.app.test_request_context():
        for n, (uid, _) in enumerate(people):
            presence.join(party_id, f"sid{n}", uuid.UUID(uid))
            presence.touch(party_id, f"sid{n}", rtt=100.0)
        instrument(timings)
        change, totals = sync.change, []  # the store's atomic update is the rest of change

        def timed_change(*a, **kw):
            started = time.perf_counter()
            try:
                return change(*a, **kw)
            finally:
                timings["sync.change (incl. emit + persist)"].append(
                    (time.perf_counter() - started) * 1000
                )

        sync.change = timed_change
        for i in range(args.commands):
            cmd = {"action": ("play", "seek", "pause")[i % 3], "cmd_id": uuid.uuid4().hex}
            cmd |= {"position": 10.0 + i} if cmd["action"] == "seek" else {}
            started = time.perf_counter()
            control.control(party_id, host, cmd)
            totals.append((time.perf_counter() - started) * 1000)
    seeder.close()
    print(f"\n### One control command, in process ({args.members} members in presence)\n")
    print("| stage | calls per command | p50 / p99 / max ms |")
    print("|---|---|---|")
    for name, values in timings.items():
        print(f"| {name} | {len(values) / args.commands:.1f} | {summary(values)} |")
    print(f"| **whole command** | 1 | {summary(totals)} |")
    print(f"\nredis: {args.redis or 'none'}")
    print(f"reproduce: {reproduce('control_path.py', args)}")


if __name__ == "__main__":
    main()
