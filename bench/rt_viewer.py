"""A simulated viewer running the client side of the /party protocol, and a group of them.

Each viewer has its own network delay and clock offset (`rt_client.Net`). It estimates the
server clock with NTP-style `time` pings (keeping the min-RTT sample), plays `state` by the
issue's formula converted to its own clock (so a future `at` is a scheduled start), reports
its position every second and applies `correct` (rate nudge or seek).
"""

import asyncio
import random
import time

from rt_client import CLIENTS, Net, connect_all, new_session
from rt_common import pct


class Viewer:
    """One viewer's clock estimate and simulated player."""

    def __init__(self, sock, net: Net, party_id: str, player_error: float = 0.0) -> None:
        self.sock, self.net, self.party_id = sock, net, party_id
        self.player_error = player_error / 1000  # a real player starts a little off
        self.offset = 0.0  # estimated server clock minus local clock, ms
        self.rtt = 0.0
        self.seq = -1
        self.state = None
        self.playing, self.rate, self.nudge = False, 1.0, 1.0
        self.base_pos, self.base_local = 0.0, 0.0  # player position (s) at local time (ms)
        self.received: dict[int, float] = {}  # seq -> wall time of the raw receive
        self.corrections = {"rate": 0, "seek": 0}
        self.revert = None
        sock.on("state", self._state_arrived)
        sock.on("correct", self._correct_arrived)

    def later(self, fn, data) -> None:
        """Hand `data` to `fn` after this viewer's simulated inbound delay."""
        asyncio.get_running_loop().call_later(self.net.hop(), fn, data)

    def _state_arrived(self, data, received: float) -> None:
        seq = data.get("seq") if isinstance(data, dict) else None
        if seq is not None:
            self.received.setdefault(seq, received)
        self.later(self.apply_state, data)

    def _correct_arrived(self, data, received: float) -> None:
        self.later(self.apply_correct, data)

    async def call(self, event: str, data: dict, timeout: float = 30):
        """An acked event through the simulated network both ways."""
        await asyncio.sleep(self.net.hop())
        ack = await self.sock.call(event, data, timeout=timeout)
        await asyncio.sleep(self.net.hop())
        return ack

    async def join(self) -> dict:
        """Join the party and adopt the snapshot's state."""
        # Every join announces presence to the whole room: big rooms take a while to fill.
        ack = await self.call("join", {"party_id": self.party_id}, timeout=300)
        if ack.get("ok") and isinstance(ack.get("state"), dict):
            self.apply_state(ack["state"])
        return ack

    async def sync_clock(self, pings: int) -> None:
        """NTP-style offset estimate; the sample with the smallest round trip wins."""
        best = None
        for _ in range(pings):
            t0 = self.net.local_ms()
            ack = await self.call("time", {"t0": t0})
            t3 = self.net.local_ms()
            if not ack.get("ok"):
                raise RuntimeError(f"time refused: {ack}")
            t1, t2 = ack["t1"], ack["t2"]
            rtt = (t3 - t0) - (t2 - t1)
            if best is None or rtt < best[0]:
                best = (rtt, ((t1 - t0) + (t2 - t3)) / 2)
        self.rtt, self.offset = best

    def position(self, local_ms: float) -> float:
        """The simulated player's position (s) at local time `local_ms`."""
        if not self.playing:
            return self.base_pos
        return self.base_pos + max(0.0, local_ms - self.base_local) / 1000 * self.rate * self.nudge

    def formula(self, local_ms: float) -> float:
        """Where the held state says playback is at local time `local_ms`."""
        state = self.state
        if not state or not state.get("playing"):
            return float(state["position"]) if state else 0.0
        at_local = state["at"] - self.offset
        return float(state["position"]) + max(0.0, local_ms - at_local) / 1000 * self.rate

    def apply_state(self, data: dict) -> None:
        """Adopt a newer authoritative state (older or repeated seqs are dropped)."""
        seq = data.get("seq") or 0
        if seq <= self.seq:
            return
        self.seq, self.state = seq, data
        self.playing = bool(data.get("playing"))
        self.rate = float(data.get("rate") or 1.0)
        self.base_local = float(data.get("at") or 0) - self.offset
        self._unnudge()
        error = self.net.rng.uniform(-self.player_error, self.player_error)
        self.base_pos = float(data.get("position") or 0.0) + error

    def apply_correct(self, data: dict) -> None:
        """Nudge the rate until the reported drift is gone, or seek to the authoritative spot."""
        action = data.get("action")
        if action not in self.corrections:
            return
        self.corrections[action] += 1
        now = self.net.local_ms()
        if action == "seek":
            self._unnudge()
            if data.get("at") is not None and data.get("position") is not None:
                self.base_pos, self.base_local = float(data["position"]), data["at"] - self.offset
            else:
                self.base_pos, self.base_local = self.formula(now), now
            return
        wanted = float(data.get("rate") or self.rate)
        if self.revert is not None:  # a newer correction replaces the running one
            self.revert.cancel()
            self.revert = None
        self._anchor(now)
        self.nudge = wanted / self.rate
        if abs(self.nudge - 1) > 1e-6:
            hold = min(10.0, abs(float(data.get("drift_ms") or 0)) / 1000 / abs(self.nudge - 1))
            self.revert = asyncio.get_running_loop().call_later(hold, self._unnudge)

    def _anchor(self, now: float) -> None:
        if now >= self.base_local:
            self.base_pos, self.base_local = self.position(now), now

    def _unnudge(self) -> None:
        if self.revert is not None:
            self.revert.cancel()
            self.revert = None
        if self.nudge != 1.0:
            self._anchor(self.net.local_ms())
            self.nudge = 1.0

    async def report_forever(self) -> None:
        """`report` about once a second, through the simulated network."""
        await asyncio.sleep(random.random())
        while True:
            if self.state is not None and self.sock.alive:
                now = self.net.local_ms()
                body = {
                    "party_id": self.party_id,
                    "position": self.position(now),
                    "sampled_at": now + self.offset,
                    "playing": self.playing,
                    "buffering": False,
                    "rtt": round(self.rtt, 1),
                }
                await asyncio.sleep(self.net.hop())
                await self.sock.emit("report", body)
            await asyncio.sleep(1.0)


class ViewerGroup:
    """The viewers one client process runs (built from a shard dict by rt_common.Pool)."""

    def __init__(self, urls, tokens, party_id, seed, client="socketio", delay=(10, 150),
                 jitter=10, offset=2000, pings=8, report=True, player_error=0.0):  # fmt: skip
        self.urls, self.tokens, self.party_id = urls, tokens, party_id
        self.client, self.pings, self.report = client, pings, report
        self.player_error = player_error
        self.rng = random.Random(seed)
        self.nets = [Net(self.rng, delay, jitter, offset) for _ in tokens]
        self.viewers: list[Viewer] = []
        self.tasks: list[asyncio.Task] = []
        self.lags: list[float] = []
        self.session = None

    async def connect(self) -> dict:
        """Connect, join and clock-sync every viewer; start reports and the lag probe."""
        self.session = new_session()
        socks = [CLIENTS[self.client](self.session, url, "/party") for url in self.urls]
        await connect_all(socks, self.tokens)
        self.viewers = [
            Viewer(s, n, self.party_id, self.player_error)
            for s, n in zip(socks, self.nets, strict=True)
        ]
        gate = asyncio.Semaphore(100)

        async def ready(viewer: Viewer) -> bool:
            async with gate:
                ack = await viewer.join()
                if ack.get("ok"):
                    await viewer.sync_clock(self.pings)
                return bool(ack.get("ok"))

        joined = await asyncio.gather(*(ready(v) for v in self.viewers))
        if self.report:
            self.tasks += [asyncio.create_task(v.report_forever()) for v in self.viewers]
        self.tasks.append(asyncio.create_task(self._probe_lag()))
        errors = [abs(v.offset + v.net.offset * 1000) for v in self.viewers]
        return {"joined": sum(joined), "offset_errors": errors}

    async def _probe_lag(self) -> None:
        """How late this loop wakes up: the client-side share of measured latency."""
        while True:
            started = time.perf_counter()
            await asyncio.sleep(0.01)
            self.lags.append((time.perf_counter() - started - 0.01) * 1000)

    async def deliveries(self) -> list[tuple[str, dict]]:
        """Per viewer: its server URL and seq -> wall time of its raw receive."""
        return [(url, v.received) for url, v in zip(self.urls, self.viewers, strict=True)]

    async def sample(self, wall: float) -> list[tuple[int, float]]:
        """At wall time `wall`, each viewer's (seq held, player position) by its own clock."""
        await asyncio.sleep(max(0.0, wall - time.time()))
        return [(v.seq, v.position(v.net.local_ms(wall))) for v in self.viewers]

    async def stats(self) -> dict:
        """Corrections received, loop lag and connection health."""
        lags, self.lags = self.lags, []
        return {
            "rate": sum(v.corrections["rate"] for v in self.viewers),
            "seek": sum(v.corrections["seek"] for v in self.viewers),
            "lag_p99": pct(lags, 99),
            "lag_max": max(lags, default=0.0),
            "alive": sum(v.sock.alive for v in self.viewers),
        }

    async def close(self) -> None:
        """Stop tasks and close every connection."""
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*(v.sock.close() for v in self.viewers), return_exceptions=True)
        if self.session is not None:
            await self.session.close()
