"""Client-side pieces of the real-time benchmarks: a simulated network and a light socket.

`Net` gives one simulated viewer its own one-way delay, jitter and clock offset. `RawSocket`
speaks just enough Engine.IO 4 / Socket.IO 5 over one aiohttp WebSocket to join a namespace,
emit with acks and timestamp incoming events; it costs a fraction of a python-socketio
client per message, so a few client processes can listen for tens of thousands of
deliveries a second without becoming the bottleneck they are measuring.
"""

import asyncio
import json
import random
import time

import aiohttp


class Net:
    """One viewer's simulated network path and wrong clock."""

    def __init__(self, rng: random.Random, delay_ms=(10, 150), jitter_ms=10, offset_ms=2000):
        self.rng = rng
        self.delay = rng.uniform(*delay_ms) / 1000 if delay_ms[1] else 0.0
        self.jitter = jitter_ms / 1000
        self.offset = rng.uniform(-offset_ms, offset_ms) / 1000

    def hop(self) -> float:
        """Seconds one message spends on the simulated wire (delay ± jitter)."""
        if not self.delay:
            return 0.0
        return max(0.0, self.delay + self.rng.uniform(-self.jitter, self.jitter))

    def local_ms(self, wall: float | None = None) -> float:
        """This viewer's (wrong) clock in epoch ms, now or at wall time `wall` (seconds)."""
        return ((time.time() if wall is None else wall) + self.offset) * 1000


class RawSocket:
    """One Socket.IO connection to one namespace over a shared aiohttp session."""

    def __init__(self, session: aiohttp.ClientSession, url: str, namespace: str) -> None:
        self.session, self.namespace = session, namespace
        self.url = url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
        self.ws = None
        self.handlers: dict = {}
        self.acks: dict[int, asyncio.Future] = {}
        self.next_id = 0
        self.closed = asyncio.Event()
        self.reader = None
        self.handler_errors = 0

    async def connect(self, token: str, timeout: float = 30) -> None:
        """Open the WebSocket and the namespace with `auth: {token}`."""
        self.ws = await self.session.ws_connect(self.url, timeout=timeout, max_msg_size=0)
        opened = await self.ws.receive_str(timeout=timeout)
        if not opened.startswith("0"):
            raise ConnectionError(f"unexpected Engine.IO open: {opened[:80]}")
        await self.ws.send_str(f"40{self.namespace}," + json.dumps({"token": token}))
        while True:
            reply = await self.ws.receive_str(timeout=timeout)
            if reply == "2":
                await self.ws.send_str("3")
                continue
            break
        if not reply.startswith(f"40{self.namespace},"):
            raise ConnectionError(f"namespace refused: {reply[:200]}")
        self.reader = asyncio.create_task(self._read())

    def on(self, event: str, handler) -> None:
        """Call `handler(data, received_wall_time)` for each `event`."""
        self.handlers[event] = handler

    async def emit(self, event: str, data) -> None:
        """Send an event without asking for an ack."""
        await self.ws.send_str(f"42{self.namespace}," + json.dumps([event, data]))

    async def call(self, event: str, data, timeout: float = 30):
        """Send an event and wait for its ack's first argument."""
        self.next_id += 1
        ack_id = self.next_id
        future = asyncio.get_running_loop().create_future()
        self.acks[ack_id] = future
        await self.ws.send_str(f"42{self.namespace},{ack_id}" + json.dumps([event, data]))
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self.acks.pop(ack_id, None)

    async def _read(self) -> None:
        prefix = len(self.namespace) + 3  # "42" or "43", the namespace and its comma
        try:
            async for msg in self.ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    break
                received = time.time()
                text = msg.data
                if text == "2":
                    await self.ws.send_str("3")
                elif text.startswith("42"):
                    # Skip events nobody listens to (presence floods) without parsing them.
                    name = text[prefix + 2 : text.find('"', prefix + 2)]
                    handler = self.handlers.get(name)
                    if handler:
                        self._dispatch(handler, text[prefix:], received)
                elif text.startswith("43"):
                    self._acked(text[prefix:])
                elif text.startswith("41") or text == "1":
                    break
        except (aiohttp.ClientError, asyncio.CancelledError, ConnectionError):
            pass
        finally:
            self.closed.set()

    def _dispatch(self, handler, body: str, received: float) -> None:
        """Run a handler; a bad payload is counted, and must not stop the reader."""
        try:
            _, *args = json.loads(body)
            handler(args[0] if args else None, received)
        except Exception:  # noqa: BLE001 - a benchmark keeps listening
            self.handler_errors += 1

    def _acked(self, body: str) -> None:
        bracket = body.index("[")
        future = self.acks.get(int(body[:bracket]))
        if future and not future.done():
            args = json.loads(body[bracket:])
            future.set_result(args[0] if args else None)

    @property
    def alive(self) -> bool:
        """True while the WebSocket is open."""
        return self.ws is not None and not self.ws.closed and not self.closed.is_set()

    async def close(self) -> None:
        """Close the connection."""
        if self.ws is not None and not self.ws.closed:
            await self.ws.close()
        if self.reader:
            self.reader.cancel()


def new_session() -> aiohttp.ClientSession:
    """An aiohttp session without a connection cap, for many sockets in one loop."""
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0, force_close=True))


async def connect_all(sockets: list, tokens: list[str], concurrency: int = 50) -> None:
    """Connect sockets (pairwise with tokens), `concurrency` at a time."""
    gate = asyncio.Semaphore(concurrency)

    async def one(sock, token) -> None:
        async with gate:
            for attempt in range(3):
                try:
                    await sock.connect(token)
                    return
                except (TimeoutError, aiohttp.ClientError, ConnectionError):
                    if attempt == 2:
                        raise
                    await asyncio.sleep(0.5)

    await asyncio.gather(*(one(s, t) for s, t in zip(sockets, tokens, strict=True)))


class SioSocket:
    """The same interface over a python-socketio AsyncClient (the reference client)."""

    def __init__(self, session: aiohttp.ClientSession, url: str, namespace: str) -> None:
        import socketio

        self.url, self.namespace = url, namespace
        self.client = socketio.AsyncClient(reconnection=False, http_session=session)

    async def connect(self, token: str, timeout: float = 30) -> None:
        """Open the WebSocket and the namespace with `auth: {token}`."""
        await self.client.connect(
            self.url,
            namespaces=[self.namespace],
            auth={"token": token},
            transports=["websocket"],
            wait_timeout=timeout,
        )

    def on(self, event: str, handler) -> None:
        """Call `handler(data, received_wall_time)` for each `event`."""

        def stamped(data=None):
            handler(data, time.time())

        self.client.on(event, stamped, namespace=self.namespace)

    async def emit(self, event: str, data) -> None:
        """Send an event without asking for an ack."""
        await self.client.emit(event, data, namespace=self.namespace)

    async def call(self, event: str, data, timeout: float = 30):
        """Send an event and wait for its ack."""
        return await self.client.call(event, data, namespace=self.namespace, timeout=timeout)

    @property
    def alive(self) -> bool:
        """True while connected to the namespace."""
        return self.client.connected and self.namespace in self.client.namespaces

    async def close(self) -> None:
        """Close the connection."""
        await self.client.disconnect()


CLIENTS = {"raw": RawSocket, "socketio": SioSocket}
