"""A real HTTP + Socket.IO server for the test app, and real python-socketio clients."""

import threading
import time
from functools import partialmethod

import socketio
import websocket
from werkzeug.serving import make_server

# The threaded Werkzeug test server does not answer a WebSocket close frame, and
# websocket-client waits 3 s for that answer on every disconnect. Wait 0.1 s instead.
websocket.WebSocket.close = partialmethod(websocket.WebSocket.close, timeout=0.1)


class LiveServer:
    """The test app served by a threaded Werkzeug server on an ephemeral loopback port."""

    def __init__(self, app) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "LiveServer":
        """Start serving in a background thread."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        self.server.shutdown()


class Socket:
    """One python-socketio client connection to one namespace, recording every event."""

    def __init__(self, url: str, namespace: str, token: str | None, **connect) -> None:
        self.namespace = namespace
        self.events: list[tuple[str, object]] = []
        self._arrived = threading.Condition()
        self.client = socketio.Client(reconnection=False)
        self.client.on("*", self._record, namespace=namespace)
        auth = {"token": token} if token is not None else None
        self.client.connect(
            url,
            namespaces=[namespace],
            auth=auth,
            transports=["websocket"],
            wait_timeout=5,
            **connect,
        )

    def _record(self, event, data=None):
        with self._arrived:
            self.events.append((event, data))
            self._arrived.notify_all()

    def call(self, event: str, data=None, timeout: float = 5) -> dict:
        """Emit `event` and return its ack."""
        return self.client.call(event, data, namespace=self.namespace, timeout=timeout)

    def wait_for(self, event: str, predicate=None, timeout: float = 5):
        """The first recorded `event` payload (matching `predicate`), waiting up to `timeout`."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for name, data in self.events:
                    if name == event and (predicate is None or predicate(data)):
                        return data
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [name for name, _ in self.events]
                    raise AssertionError(f"no {event!r} within {timeout}s; got {seen}")
                self._arrived.wait(left)

    def received(self, event: str) -> list:
        """Every payload of `event` recorded so far."""
        with self._arrived:
            return [data for name, data in self.events if name == event]

    def clear(self) -> None:
        """Forget recorded events."""
        with self._arrived:
            self.events.clear()

    def closed_by_server(self, timeout: float = 5) -> bool:
        """Whether the server closed this namespace connection within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while self.namespace in self.client.namespaces:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def close(self) -> None:
        """Disconnect."""
        self.client.disconnect()
