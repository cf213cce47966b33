"""Idle Socket.IO connections one server process holds for D minutes, and its memory.

Starts `python wsgi.py` (eventlet, PostgreSQL, Redis unless --redis ''), seeds users and
parties of --party-size members, opens --connections WebSocket connections to /party (each
joins its party, so presence and rooms are populated), then holds them idle: only
Engine.IO's own pings flow. Every --check-every seconds it counts open connections and reads
the server's VmRSS; at the end a sample of connections must still answer a `time` ping.
Connections use the light raw client (rt_client.RawSocket) so the client processes stay
small. Small run:

    .venv/bin/python bench/idle_sockets.py --connections 100 --minutes 0.5
"""

import argparse
import asyncio
import random
import tempfile
import time
from pathlib import Path

from rt_client import CLIENTS, connect_all, new_session
from rt_common import (
    DEFAULT_DB,
    DEFAULT_REDIS,
    Pool,
    Seeder,
    app_env,
    free_port,
    pct,
    raise_fd_limit,
    reproduce,
    reset_stores,
    rss_mb,
    split,
    start_server,
    stop,
)


class IdleGroup:
    """One client process's share of the idle connections."""

    def __init__(self, url: str, tokens: list[str], parties: list[str], client: str = "raw"):
        self.url, self.tokens, self.parties, self.client = url, tokens, parties, client
        self.session, self.socks = None, []

    async def connect(self, share: float = 1.0) -> dict:
        """Connect (and join) sockets until `share` of this group's are open."""
        self.session = self.session or new_session()
        first, last = len(self.socks), round(len(self.tokens) * share)
        socks = [CLIENTS[self.client](self.session, self.url, "/party") for _ in range(first, last)]
        await connect_all(socks, self.tokens[first:last], concurrency=100)
        self.socks += socks
        gate = asyncio.Semaphore(100)

        async def join(sock, party_id) -> bool:
            async with gate:
                ack = await sock.call("join", {"party_id": party_id}, timeout=60)
                return bool(ack.get("ok"))

        pairs = zip(socks, self.parties[first:last], strict=True)
        joined = await asyncio.gather(*(join(s, p) for s, p in pairs))
        return {"connected": len(socks), "joined": sum(joined)}

    async def alive(self) -> int:
        """Connections still open."""
        return sum(s.alive for s in self.socks)

    async def probe(self, count: int) -> list[float]:
        """`time` round trips (ms) on `count` random open connections; -1 for a failure."""
        socks = [s for s in self.socks if s.alive]
        out = []
        for sock in random.sample(socks, min(count, len(socks))):
            started = time.perf_counter()
            try:
                ack = await sock.call("time", {"t0": time.time() * 1000}, timeout=10)
                out.append((time.perf_counter() - started) * 1000 if ack.get("ok") else -1)
            except TimeoutError:
                out.append(-1)
        return out

    async def close(self) -> None:
        """Close every connection."""
        await asyncio.gather(*(s.close() for s in self.socks), return_exceptions=True)
        if self.session is not None:
            await self.session.close()


def seed(args) -> tuple[list[str], list[str]]:
    """Users (tokens) and, for each connection, the party it joins."""
    reset_stores(args.db, args.redis or None)
    seeder = Seeder(args.db, args.redis or None)
    people = seeder.users(min(args.users or args.connections, args.connections) + 1)
    host, members = people[0], people[1:]
    parties = []
    for start in range(0, len(members), args.party_size):
        chunk = [uid for uid, _ in members[start : start + args.party_size]]
        parties.append(seeder.party(host[0], chunk, max_participants=args.party_size + 1))
    seeder.close()
    tokens, joins = [], []
    for i in range(args.connections):  # more connections than users: users reconnect twice
        tokens.append(members[i % len(members)][1])
        joins.append(parties[(i % len(members)) // args.party_size])
    return tokens, joins


async def hold(args, url: str, tokens: list[str], joins: list[str], pid: int) -> dict:
    """Connect, hold, check, probe."""
    groups = list(zip(split(tokens, args.procs), split(joins, args.procs), strict=True))
    shards = [{"url": url, "tokens": t, "parties": p, "client": args.client} for t, p in groups]
    pool = Pool("idle_sockets:IdleGroup", shards)
    out = {"rss_idle": rss_mb(pid), "checks": []}
    try:
        started, out["connected"], out["joined"], out["steps"] = time.monotonic(), 0, 0, []
        for step in range(1, args.steps + 1):  # RSS after each step: the marginal cost
            counts = await pool.call("connect", share=step / args.steps)
            out["connected"] += sum(c["connected"] for c in counts)
            out["joined"] += sum(c["joined"] for c in counts)
            out["steps"].append((out["connected"], rss_mb(pid)))
        out["connect_s"] = time.monotonic() - started
        out["rss_connected"] = rss_mb(pid)
        end = time.monotonic() + args.minutes * 60
        while (left := end - time.monotonic()) > 0:
            await asyncio.sleep(min(args.check_every, left))
            alive = sum(await pool.call("alive"))
            out["checks"].append((round((time.monotonic() - started) / 60, 2), alive, rss_mb(pid)))
        out["probes"] = [ms for part in await pool.call("probe", count=args.probes) for ms in part]
        out["alive"] = sum(await pool.call("alive"))
        out["rss_end"] = rss_mb(pid)
    finally:
        pool.close()
    return out


def print_table(r: dict, args) -> None:
    """Markdown table of the hold."""
    probes = [ms for ms in r["probes"] if ms >= 0]
    failed = len(r["probes"]) - len(probes)
    per_conn = (r["rss_end"] - r["rss_idle"]) * 1024 / max(1, r["connected"])
    print(f"\n### Idle connections, one eventlet process, {args.minutes:g} min\n")
    print("| connections | connected / joined | open at end (drops) | server RSS idle -> held "
          "-> end | average per connection | `time` probes ok (p50 / p99 ms) "
          "| connect time |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {args.connections} | {r['connected']} / {r['joined']} "
        f"| {r['alive']} ({r['connected'] - r['alive']}) "
        f"| {r['rss_idle']:.0f} -> {r['rss_connected']:.0f} -> {r['rss_end']:.0f} MiB "
        f"| {per_conn:.0f} KiB | {len(probes)}/{len(r['probes'])} failed {failed} "
        f"({pct(probes, 50):.1f} / {pct(probes, 99):.1f}) | {r['connect_s']:.0f} s |"
    )
    (n0, rss0), (n1, rss1) = r["steps"][0], r["steps"][-1]
    marginal = (rss1 - rss0) * 1024 / (n1 - n0) if n1 > n0 else float("nan")
    print(f"\nmarginal server memory per connection: {marginal:.0f} KiB")
    print("connect steps (open connections, server RSS MiB):")
    for n, rss in r["steps"]:
        print(f"  {n:6d}  {rss:7.0f}")
    print("\nchecks (minute, open connections, server RSS MiB):")
    for minute, alive, rss in r["checks"]:
        print(f"  {minute:6.2f}  {alive:6d}  {rss:7.0f}")


def main() -> None:
    """Seed, serve, hold, print."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--connections", type=int, default=100)
    p.add_argument("--minutes", type=float, default=0.5)
    p.add_argument("--users", type=int, default=0, help="distinct users (0: one per connection)")
    p.add_argument("--party-size", type=int, default=100)
    p.add_argument("--steps", type=int, default=4, help="connect in this many steps")
    p.add_argument("--check-every", type=float, default=15.0, help="seconds")
    p.add_argument("--probes", type=int, default=20, help="`time` pings per client process")
    p.add_argument("--procs", type=int, default=2, help="client processes")
    p.add_argument("--client", choices=sorted(CLIENTS), default="raw")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--redis", default=DEFAULT_REDIS, help="'' runs without Redis")
    args = p.parse_args()
    raise_fd_limit(args.connections * 2 + 1024)
    tokens, joins = seed(args)
    log = Path(tempfile.mkdtemp()) / "server.log"
    port = free_port()
    env = app_env(args.db, args.redis or None, max_connections=args.connections + 1000)
    server = start_server(port, env, log)
    try:
        result = asyncio.run(hold(args, f"http://127.0.0.1:{port}", tokens, joins, server.pid))
    finally:
        stop(server)
    print_table(result, args)
    print(f"redis: {args.redis or 'none'}; server log: {log}")
    print(f"reproduce: {reproduce('idle_sockets.py', args)}")


if __name__ == "__main__":
    main()
