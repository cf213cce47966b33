"""Host command -> viewers with two server processes sharing Redis, against one process.

Starts two `python wsgi.py` processes (A and B) on the same PostgreSQL and Redis. For each
room size it runs the sync.py command cycle twice: every viewer on A (one process; B idle),
then viewers alternating between A and B with the host on A, so half the deliveries cross
processes through the Socket.IO Redis message queue. Prints delivery latency of both runs
(and of the viewers on B alone) and the extra p99. Small run:

    .venv/bin/python bench/two_process.py --rooms 10,50
"""

import asyncio
import tempfile
from pathlib import Path

from rt_common import (
    app_env,
    free_port,
    print_profile,
    print_trace,
    raise_fd_limit,
    reproduce,
    start_server,
    stop,
    summary,
)
from sync import measure_room, parser, print_tables, seed


async def run(args, ports: list[int], host, viewers, parties, pids: list[int]) -> list[tuple]:
    """For each room size: (all on A, split across A and B)."""
    a, b = (f"http://127.0.0.1:{port}" for port in ports)
    out = []
    for size, party_id in parties.items():
        tokens = [token for _, token in viewers[:size]]
        one = await measure_room(args, a, [a] * size, host[1], tokens, party_id, pids)
        split_urls = [a if i % 2 == 0 else b for i in range(size)]
        two = await measure_room(args, a, split_urls, host[1], tokens, party_id, pids)
        one["servers"], two["servers"] = "A only", "A + B"
        out.append((one, two, b))
    return out


def print_comparison(pairs: list[tuple]) -> None:
    """One process vs two, per room size."""
    print("\n### One process vs two processes sharing Redis (host on A)\n")
    print("| viewers | servers | per delivery p50 / p99 / max ms | last viewer p50 / p99 / max ms "
          "| viewers on B only p50 / p99 / max ms | extra p99 (per delivery) |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for one, two, b in pairs:
        base = one["latency"]["each"]
        for label, r in (("A only", one), ("A + B", two)):
            lat = r["latency"]
            on_b = r["by_url"].get(b, {}).get("each", [])
            extra = pct_diff(lat["each"], base) if r is two else "—"
            print(
                f"| {r['viewers']} | {label} | {summary(lat['each'])} | {summary(lat['last'])} "
                f"| {summary(on_b)} | {extra} |"
            )


def pct_diff(values: list[float], base: list[float]) -> str:
    """p99 of `values` minus p99 of `base`, ms."""
    from rt_common import pct

    return f"{pct(values, 99) - pct(base, 99):+.1f} ms"


def main() -> None:
    """Seed, serve twice, measure, print."""
    p = parser(__doc__)
    args = p.parse_args()
    if not args.redis:
        p.error("two processes need --redis")
    raise_fd_limit(max(args.rooms) * 4 + 1024)
    host, viewers, parties = seed(args, args.rooms)
    logs = Path(tempfile.mkdtemp())
    env = app_env(args.db, args.redis)
    ports, servers = [free_port(), free_port()], []
    try:
        for name, port in zip("ab", ports, strict=True):
            prof = f"{args.profile}.{name}" if args.profile else None
            trace = f"{args.trace}.{name}" if args.trace else None
            servers.append(start_server(port, env, logs / f"server-{name}.log", prof, trace))
        pids = [s.pid for s in servers]
        pairs = asyncio.run(run(args, ports, host, viewers, parties, pids))
    finally:
        for server in servers:
            stop(server)
    print_comparison(pairs)
    print_tables([r for pair in pairs for r in pair[:2]], "two eventlet processes, Redis")
    for name in "ab":
        print_profile(f"{args.profile}.{name}" if args.profile else None)
        print_trace(f"{args.trace}.{name}" if args.trace else None)
    print(f"\nserver logs: {logs}")
    print(f"reproduce: {reproduce('two_process.py', args)}")


if __name__ == "__main__":
    main()
