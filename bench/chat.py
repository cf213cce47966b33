"""Chat deliveries per second one server process sustains at p99 delivery latency <= 250 ms.

Starts `python wsgi.py` (eventlet, PostgreSQL, Redis unless --redis ''), seeds a party with
K senders and M listeners, connects them all to /chat, then ramps the total send rate in
steps. Latency is wall time from a sender's emit of `send` to each connection's raw receive of
the `message` broadcast (no simulated network: this measures the server). A step is
sustained when p99 <= the target, nothing was lost and every send was acked. Listeners
default to the light raw Socket.IO client so the client processes are not the bottleneck.
Each sender stays under the per-user flood limit (10/s), so senders = ceil(rate / 8). Small:

    .venv/bin/python bench/chat.py --listeners 50 --rates 20,50,100
"""

import argparse
import asyncio
import math
import os
import signal
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

from rt_client import CLIENTS, connect_all, new_session
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
)

PER_SENDER = 8  # messages/s per sender: under the flood limit of 10/s (burst 20)


class Listeners:
    """The chat connections of one client process; counts receipts and latency per step."""

    def __init__(self, url: str, tokens: list[str], party_id: str, client: str = "raw"):
        self.url, self.tokens, self.party_id, self.client = url, tokens, party_id, client
        self.counts: Counter = Counter()  # step -> receipts
        self.hist: dict[int, Counter] = {}  # step -> Counter(latency ms rounded up)
        self.session, self.socks = None, []

    async def connect(self) -> int:
        """Connect and join every listener; how many joined."""
        self.session = new_session()
        self.socks = [CLIENTS[self.client](self.session, self.url, "/chat") for _ in self.tokens]
        await connect_all(self.socks, self.tokens)
        for sock in self.socks:
            sock.on("message", self._message)
        acks = await asyncio.gather(
            *(s.call("join", {"party_id": self.party_id}) for s in self.socks)
        )
        return sum(bool(a.get("ok")) for a in acks)

    def _message(self, data, received: float) -> None:
        words = str(data.get("text", "")).split()
        if len(words) < 3 or words[0] != "bench":
            return  # not one of ours
        step, sent = int(words[1]), words[2]
        self.counts[step] += 1
        self.hist.setdefault(step, Counter())[math.ceil((received - float(sent)) * 1000)] += 1

    async def collect(self, step: int) -> tuple[int, dict, int]:
        """(receipts, latency histogram, connections still open) of one step."""
        return self.counts.pop(step, 0), dict(self.hist.pop(step, {})), self.alive()

    def alive(self) -> int:
        """Open connections."""
        return sum(s.alive for s in self.socks)

    async def close(self) -> None:
        """Close every connection."""
        await asyncio.gather(*(s.close() for s in self.socks), return_exceptions=True)
        if self.session is not None:
            await self.session.close()


async def send_step(socks, party_id: str, step: int, rate: float, seconds: float) -> dict:
    """Every sender emits at rate/len(socks) per second for `seconds`; the acks' tally."""
    tally = Counter()
    pending, acks = [], []

    async def one(sock, n: int) -> None:
        body = {
            "party_id": party_id,
            "text": f"bench {step} {time.time():.6f} {n}",
            "client_id": uuid.uuid4().hex,
        }
        started = time.time()
        ack = await sock.call("send", body, timeout=30)
        acks.append((time.time() - started) * 1000)
        tally["ok" if ack.get("ok") else ack.get("error", "failed")] += 1

    async def sender(sock, index: int) -> None:
        gap = len(socks) / rate
        await asyncio.sleep(gap * index / len(socks))
        start, n = time.monotonic(), 0
        while (due := start + n * gap) < start + seconds:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            pending.append(asyncio.create_task(one(sock, n)))
            n += 1

    await asyncio.gather(*(sender(s, i) for i, s in enumerate(socks)))
    await asyncio.gather(*pending, return_exceptions=True)
    tally["sent"] = len(pending)
    tally["ack_p99"] = pct(acks, 99)
    return tally


def p_of(hist: Counter, q: float) -> float:
    """The q-th percentile of a latency histogram (1 ms buckets)."""
    total, seen = sum(hist.values()), 0
    for ms in sorted(hist):
        seen += hist[ms]
        if seen >= q / 100 * total:
            return float(ms)
    return float("nan")


async def ramp(args, url: str, senders: list, listeners: list, party_id: str, pid: int):
    """Run each rate step; rows for the table."""
    groups = split([t for _, t in listeners], args.procs)
    shard = {"url": url, "party_id": party_id, "client": args.client}
    shards = [shard | {"tokens": g} for g in groups]
    pool = Pool("chat:Listeners", shards)
    session = new_session()
    socks = [CLIENTS["raw"](session, url, "/chat") for _ in senders]
    rows = []
    try:
        joined = sum(await pool.call("connect"))
        await connect_all(socks, [t for _, t in senders])
        for sock in socks:
            sock.on("message", lambda *_: None)
            await sock.call("join", {"party_id": party_id})
        if args.trace:  # traced server: time the sends, not the joins
            os.kill(pid, signal.SIGUSR1)
        for step, rate in enumerate(args.rates):
            active = socks[: max(1, math.ceil(rate / PER_SENDER))]
            cpu0, started = cpu_seconds(pid), time.time()
            tally = await send_step(active, party_id, step, rate, args.step_seconds)
            await asyncio.sleep(args.drain)
            cpu = (cpu_seconds(pid) - cpu0) / (time.time() - started) * 100
            parts = await pool.call("collect", step=step)
            hist = sum((Counter(h) for _, h, _ in parts), Counter())
            received = sum(c for c, _, _ in parts)
            rows.append(row(rate, len(active), joined, tally, received, hist, cpu, args))
            if rows[-1]["p99"] > 4 * args.target_ms:
                break  # far past saturation: higher steps only queue
    finally:
        await asyncio.gather(*(s.close() for s in socks), return_exceptions=True)
        await session.close()
        pool.close()
    return rows


def row(rate, senders, listeners, tally, received, hist, cpu, args) -> dict:
    """One step's figures; listeners' receipts only (senders' own copies are not counted)."""
    expected = tally["ok"] * listeners
    ok = (
        p_of(hist, 99) <= args.target_ms
        and received >= expected
        and tally["ok"] == tally["sent"]
        and tally["sent"] >= 0.95 * rate * args.step_seconds
    )
    return {
        "rate": rate,
        "senders": senders,
        "sent": tally["sent"],
        "acked": tally["ok"],
        "refused": {k: v for k, v in tally.items() if k not in ("ok", "sent", "ack_p99")},
        "ack_p99": tally["ack_p99"],
        "received": received,
        "expected": expected,
        "per_s": received / args.step_seconds,
        "p50": p_of(hist, 50),
        "p99": p_of(hist, 99),
        "max": max(hist, default=float("nan")),
        "cpu": cpu,
        # server CPU per listener delivery: at one core per process, 1e6 / this is the ceiling
        "cpu_us": cpu / 100 * (args.step_seconds + args.drain) / max(1, received) * 1e6,
        "ok": ok,
    }


def print_table(rows: list[dict], args) -> None:
    """A markdown table and the verdict."""
    print(f"\n### Chat deliveries, one eventlet process ({args.listeners} listeners)\n")
    print("| msgs/s offered | senders | sent / acked | deliveries (expected) | deliveries/s "
          "| latency p50 / p99 / max ms | send ack p99 ms | server CPU | sustained |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        refused = f" ({r['refused']})" if r["refused"] else ""
        print(
            f"| {r['rate']} | {r['senders']} | {r['sent']} / {r['acked']}{refused} "
            f"| {r['received']} ({r['expected']}) | {r['per_s']:,.0f} "
            f"| {r['p50']:.0f} / {r['p99']:.0f} / {r['max']:.0f} | {r['ack_p99']:.0f} "
            f"| {r['cpu']:.0f}% ({r['cpu_us']:.0f} µs/delivery) "
            f"| {'yes' if r['ok'] else 'no'} |"
        )
    best = max((r["per_s"] for r in rows if r["ok"]), default=0)
    print(f"\nhighest sustained: {best:,.0f} deliveries/s at p99 <= {args.target_ms} ms")


def main() -> None:
    """Seed, serve, ramp, print."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--listeners", type=int, default=50)
    p.add_argument("--rates", type=int_list, default=[20, 50, 100], help="messages/s steps")
    p.add_argument("--step-seconds", type=float, default=5.0)
    p.add_argument("--drain", type=float, default=2.0, help="s to wait for stragglers")
    p.add_argument("--target-ms", type=float, default=250.0)
    p.add_argument("--procs", type=int, default=2, help="listener processes")
    p.add_argument("--client", choices=sorted(CLIENTS), default="raw", help="listeners' client")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--redis", default=DEFAULT_REDIS, help="'' runs without Redis")
    p.add_argument("--profile", default="", help="write the server's cProfile stats here")
    p.add_argument("--trace", default="", help="time server stages, write JSON here")
    args = p.parse_args()
    senders_needed = math.ceil(max(args.rates) / PER_SENDER)
    raise_fd_limit((args.listeners + senders_needed) * 2 + 1024)
    reset_stores(args.db, args.redis or None)
    seeder = Seeder(args.db, args.redis or None)
    people = seeder.users(1 + senders_needed + args.listeners)
    senders, listeners = people[1 : 1 + senders_needed], people[1 + senders_needed :]
    party_id = seeder.party(people[0][0], [uid for uid, _ in people[1:]])
    seeder.close()
    log = Path(tempfile.mkdtemp()) / "server.log"
    port = free_port()
    env = app_env(args.db, args.redis or None)
    server = start_server(port, env, log, args.profile or None, args.trace or None)
    try:
        url = f"http://127.0.0.1:{port}"
        rows = asyncio.run(ramp(args, url, senders, listeners, party_id, server.pid))
    finally:
        stop(server)
    print_table(rows, args)
    print_profile(args.profile)
    print_trace(args.trace)
    print(f"redis: {args.redis or 'none'}; server log: {log}")
    print(f"reproduce: {reproduce('chat.py', args)}")


if __name__ == "__main__":
    main()
