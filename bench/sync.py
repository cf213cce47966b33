"""Host command -> viewers: delivery latency and playback skew, rooms of several sizes.

Starts `python wsgi.py` (eventlet, PostgreSQL, Redis unless --redis ''), seeds one party
per room size, and runs simulated viewers (rt_viewer.py: own network delay, jitter and clock
offset; NTP offset estimation, scheduled start, reports, corrections) in client processes.
The host (no simulated delay) sends play / seek / pause commands; this prints
(1) the server-side delivery latency: wall time from the host's emit to each viewer's raw
receive, before the simulated inbound delay, and (2) the skew across viewers at a sample
instant after each play and seek: each viewer's player position by its own clock against
the true position (the state formula on the server clock). Small run:

    .venv/bin/python bench/sync.py --rooms 10,50
"""

import argparse
import asyncio
import os
import random
import signal
import tempfile
import time
import uuid
from pathlib import Path

from rt_client import CLIENTS, new_session
from rt_common import (
    DEFAULT_DB,
    DEFAULT_REDIS,
    Pool,
    Seeder,
    app_env,
    cpu_seconds,
    free_port,
    int_list,
    pct,
    print_profile,
    print_trace,
    raise_fd_limit,
    reproduce,
    reset_stores,
    split,
    start_server,
    stop,
    summary,
)

CYCLE = ("play", "seek", "pause")


def parser(doc: str) -> argparse.ArgumentParser:
    """The flags every latency harness shares."""
    p = argparse.ArgumentParser(description=doc.splitlines()[0])
    p.add_argument("--rooms", type=int_list, default=[10, 50], help="room sizes (viewers)")
    p.add_argument("--commands", type=int, default=9, help="host commands per room")
    p.add_argument("--interval", type=float, default=2.0, help="seconds between commands")
    p.add_argument("--sample-after", type=float, default=1.5, help="skew sample, s after emit")
    p.add_argument("--procs", type=int, default=2, help="client processes")
    p.add_argument("--client", choices=sorted(CLIENTS), default="socketio")
    p.add_argument("--delay-min", type=float, default=10, help="one-way delay, ms")
    p.add_argument("--delay-max", type=float, default=150)
    p.add_argument("--jitter", type=float, default=10, help="± ms on every message")
    p.add_argument("--offset", type=float, default=2000, help="clock offsets within ± ms")
    p.add_argument("--pings", type=int, default=8, help="time pings per viewer")
    p.add_argument(
        "--player-error", type=float, default=0, help="± ms a player lands off each state"
    )
    p.add_argument("--no-report", action="store_true", help="viewers send no reports")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--redis", default=DEFAULT_REDIS, help="'' runs without Redis")
    p.add_argument("--profile", default="", help="write the server's cProfile stats here")
    p.add_argument("--trace", default="", help="time server stages, write JSON here")
    p.add_argument("--mode", default="eventlet", help="server ASYNC_MODE (eventlet, gevent)")
    return p


def seed(args, sizes: list[int]) -> tuple[tuple, list, dict]:
    """Fresh stores; a host, max(sizes) viewers and one party per size (all members)."""
    reset_stores(args.db, args.redis or None)
    seeder = Seeder(args.db, args.redis or None)
    people = seeder.users(max(sizes) + 1)
    host, viewers = people[0], people[1:]
    parties = {n: seeder.party(host[0], [uid for uid, _ in viewers[:n]]) for n in sizes}
    seeder.close()
    return host, viewers, parties


def true_position(state: dict, wall: float) -> float:
    """The state formula on the server clock (this machine's wall clock)."""
    position = float(state.get("position") or 0.0)
    if not state.get("playing"):
        return position
    elapsed = max(0.0, wall * 1000 - state["at"]) / 1000
    return position + elapsed * float(state.get("rate") or 1.0)


def shards(args, urls: list[str], tokens: list[str], party_id: str) -> list[dict]:
    """Viewer groups, one per client process."""
    procs = max(1, min(args.procs, len(tokens) // 25))
    return [
        {
            "urls": u,
            "tokens": t,
            "party_id": party_id,
            "seed": args.seed * 1000 + i,
            "client": args.client,
            "delay": (args.delay_min, args.delay_max),
            "jitter": args.jitter,
            "offset": args.offset,
            "pings": args.pings,
            "player_error": args.player_error,
            "report": not args.no_report,
        }
        for i, (u, t) in enumerate(zip(split(urls, procs), split(tokens, procs), strict=True))
    ]


class Host:
    """The commanding client: no simulated delay, records emit times and the states sent."""

    def __init__(self, sock, party_id: str) -> None:
        self.sock, self.party_id = sock, party_id
        self.states: dict[int, dict] = {}
        self.emitted: dict[int, float] = {}
        self.acked: list[float] = []  # ms from emit to the host's ack
        self.leads: list[float] = []  # ms from emit to the state's scheduled `at`
        self.pings: list[float] = []  # ms of `time` round trips: the transport's floor
        sock.on("state", lambda data, _: self.states.setdefault(data.get("seq"), data))

    async def ping(self, count: int) -> None:
        """`time` round trips, spaced out: what any event costs without the command's work."""
        for _ in range(count):
            started = time.time()
            await self.sock.call("time", {"t0": started * 1000})
            self.pings.append((time.time() - started) * 1000)
            await asyncio.sleep(0.02)

    async def command(self, action: str, rng: random.Random) -> tuple[int, float]:
        """Send one control command; (its seq, wall time of the emit)."""
        body = {"party_id": self.party_id, "action": action, "cmd_id": uuid.uuid4().hex}
        if action == "seek":
            body["position"] = round(rng.uniform(10, 3600), 3)
        started = time.time()
        ack = await self.sock.call("control", body)
        self.acked.append((time.time() - started) * 1000)
        if not ack.get("ok"):
            raise RuntimeError(f"control {action} refused: {ack}")
        self.emitted[ack["seq"]] = started
        if isinstance(ack.get("state"), dict):
            self.states.setdefault(ack["seq"], ack["state"])
            self.leads.append(ack["state"]["at"] - started * 1000)
        return ack["seq"], started


async def measure_room(args, host_url, viewer_urls, host_token, tokens, party_id, pids) -> dict:
    """Connect a room, run the command cycle, and gather latency and skew."""
    pool = Pool("rt_viewer:ViewerGroup", shards(args, viewer_urls, tokens, party_id))
    session = new_session()
    host = Host(CLIENTS[args.client](session, host_url, "/party"), party_id)
    rng = random.Random(args.seed)
    try:
        filling = time.monotonic()
        ready = await pool.call("connect")
        filling = time.monotonic() - filling
        await host.sock.connect(host_token)
        joined = await host.sock.call("join", {"party_id": party_id})
        if not joined.get("ok"):
            raise RuntimeError(f"host join refused: {joined}")
        await host.ping(20)
        await asyncio.sleep(1.0)
        await pool.call("stats")  # drop the lag probe's connect-time samples
        if args.trace:  # traced servers: time the commands, not the joins
            for pid in pids:
                os.kill(pid, signal.SIGUSR1)
        cpu, started = {pid: cpu_seconds(pid) for pid in pids}, time.time()
        skew = {"play": [], "seek": []}
        for i in range(args.commands):
            action = CYCLE[i % len(CYCLE)]
            seq, emitted = await host.command(action, rng)
            if action in skew:
                wall = emitted + args.sample_after
                held = [s for part in await pool.call("sample", wall=wall) for s in part]
                skew[action].append((seq, wall, held))
            await asyncio.sleep(max(0.0, emitted + args.interval - time.time()))
        elapsed = time.time() - started
        cpu = {pid: (cpu_seconds(pid) - c) / elapsed * 100 for pid, c in cpu.items()}
        received = [d for part in await pool.call("deliveries") for d in part]
        stats = await pool.call("stats")
    finally:
        await host.sock.close()
        await session.close()
        pool.close()
    return {
        "viewers": len(tokens),
        "joined": sum(r["joined"] for r in ready),
        "fill_s": filling,
        "offset_errors": [e for r in ready for e in r["offset_errors"]],
        "latency": latencies(host.emitted, [d for _, d in received]),
        "by_url": {
            url: latencies(host.emitted, [d for u, d in received if u == url])
            for url in sorted(set(viewer_urls))
        },
        "skew": {k: skew_errors(host.states, v) for k, v in skew.items()},
        "stats": stats,
        "cpu": cpu,
        "acked": host.acked,
        "pings": host.pings,
        "leads": host.leads,
    }


def latencies(emitted: dict[int, float], received: list[dict]) -> dict:
    """Per delivery and per command (its last viewer), ms; deliveries that never came."""
    each, last, missing = [], [], 0
    for seq, start in emitted.items():
        times = [(r[seq] - start) * 1000 for r in received if seq in r]
        missing += len(received) - len(times)
        each += times
        last += [max(times)] if times else []
    return {"each": each, "last": last, "missing": missing, "commands": len(emitted)}


def skew_errors(states: dict, samples: list) -> dict:
    """Errors (ms) against the true position, spreads per sample, viewers holding old seqs."""
    errors, spreads, stale = [], [], 0
    for seq, wall, held in samples:
        truth = true_position(states[seq], wall)
        positions = [pos for _, pos in held]
        stale += sum(1 for s, _ in held if s < seq)
        errors += [abs(pos - truth) * 1000 for pos in positions]
        spreads.append((max(positions) - min(positions)) * 1000 if positions else 0.0)
    return {"errors": errors, "spreads": spreads, "stale": stale, "samples": len(samples)}


def name(result: dict) -> str:
    """The row label: room size, and which servers when several runs share a table."""
    servers = result.get("servers")
    return f"{result['viewers']} ({servers})" if servers else str(result["viewers"])


def print_tables(results: list[dict], label: str) -> None:
    """Markdown tables of delivery latency and skew."""
    print(f"\n### Host command -> viewers ({label})\n")
    print("| viewers | deliveries (missing) | per delivery p50 / p99 / max ms "
          "| last viewer p50 / p99 / max ms | host ack p50 / p99 / max ms "
          "| host `time` RTT p50 / p99 | scheduled lead p50 ms | server CPU "
          "| client loop lag p99 | connect + join + clock sync |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        lat, lag = r["latency"], max(s["lag_p99"] for s in r["stats"])
        cpu = " + ".join(f"{c:.0f}%" for c in r["cpu"].values())
        print(
            f"| {name(r)} | {len(lat['each'])} ({lat['missing']}) | {summary(lat['each'])} "
            f"| {summary(lat['last'])} | {summary(r['acked'])} "
            f"| {pct(r['pings'], 50):.1f} / {pct(r['pings'], 99):.1f} | {pct(r['leads'], 50):.0f} "
            f"| {cpu} | {lag:.1f} ms | {r['fill_s']:.0f} s |"
        )
    print(f"\n### Playback skew at {label}\n")
    print("| viewers | after | samples | spread p50 / max ms | abs error p50 / p99 / max ms "
          "| stale | offset-estimate error p99 ms | corrections rate / seek |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        fixes = f"{sum(s['rate'] for s in r['stats'])} / {sum(s['seek'] for s in r['stats'])}"
        for action, s in r["skew"].items():
            spreads = f"{pct(s['spreads'], 50):.1f} / {max(s['spreads'], default=0):.1f}"
            print(
                f"| {name(r)} | {action} | {s['samples']} | {spreads} "
                f"| {summary(s['errors'])} | {s['stale']} "
                f"| {pct(r['offset_errors'], 99):.1f} | {fixes} |"
            )


async def run(args, port: int, host, viewers, parties, pid: int) -> list[dict]:
    """Every room size in turn on one server."""
    url = f"http://127.0.0.1:{port}"
    out = []
    for size, party_id in parties.items():
        tokens = [token for _, token in viewers[:size]]
        out.append(await measure_room(args, url, [url] * size, host[1], tokens, party_id, [pid]))
    return out


def main() -> None:
    """Seed, serve, measure, print."""
    args = parser(__doc__).parse_args()
    raise_fd_limit(max(args.rooms) * 4 + 1024)
    host, viewers, parties = seed(args, args.rooms)
    log = Path(tempfile.mkdtemp()) / "server.log"
    port = free_port()
    env = app_env(args.db, args.redis or None, mode=args.mode)
    server = start_server(port, env, log, args.profile or None, args.trace or None)
    try:
        results = asyncio.run(run(args, port, host, viewers, parties, server.pid))
    finally:
        stop(server)
    redis = "with Redis" if args.redis else "without Redis"
    print_tables(results, f"one {args.mode} process, PostgreSQL, {redis}")
    print_profile(args.profile)
    print_trace(args.trace)
    print(f"\nserver log: {log}")
    print(f"reproduce: {reproduce('sync.py', args)}")


if __name__ == "__main__":
    main()
