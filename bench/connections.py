"""Hold N idle connections open against `python wsgi.py`, then time fresh requests.

eventlet's WSGI server serves at most 1,024 connections at once by default; watchparty raises the
cap (MAX_CONNECTIONS, default 10,000). With the default cap, the timed requests below would queue
behind the held connections and time out. Reproduce with:

    .venv/bin/python bench/connections.py --hold 3000 --requests 200
"""

import argparse
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, mode: str, max_connections: int) -> subprocess.Popen:
    env = os.environ | {
        "PORT": str(port),
        "ASYNC_MODE": mode,
        "MAX_CONNECTIONS": str(max_connections),
        "DATABASE_URL": f"sqlite:///{tempfile.mkdtemp()}/bench.db",
        "FLASK_ENV": "development",
    }
    env.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "watchparty:create_app()", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return subprocess.Popen(
        [sys.executable, "wsgi.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def request(port: int, timeout: float = 5.0) -> float:
    """One GET /api/test/ on a fresh connection; returns seconds taken."""
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(b"GET /api/test/ HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    if not data.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(f"unexpected answer: {data[:60]!r}")
    return time.perf_counter() - started


def hold_connections(port: int, count: int, held: list) -> bool:
    """Open `count` connections with unfinished headers; True if the server stopped accepting."""
    for _ in range(count):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=2)
            s.sendall(b"GET /api/test/ HTTP/1.1\r\nHost: bench\r\n")  # headers left unfinished
        except OSError:
            return True
        held.append(s)
    return False


def wait_ready(port: int, deadline: float = 30.0) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            request(port, timeout=1.0)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold", type=int, default=3000, help="idle connections held open")
    parser.add_argument("--requests", type=int, default=200, help="timed requests while holding")
    parser.add_argument("--mode", default="eventlet")
    parser.add_argument("--max-connections", type=int, default=10000)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, args.hold * 2 + 1024), hard))

    port = free_port()
    server = start_server(port, args.mode, args.max_connections)
    held = []
    try:
        wait_ready(port)
        stalled = hold_connections(port, args.hold, held)
        time.sleep(1.0)
        timings, failures = [], 0
        for _ in range(args.requests if not stalled else 3):
            try:
                timings.append(request(port, timeout=2.0))
            except (OSError, RuntimeError):
                failures += 1
        completed = 0
        for s in held:
            s.sendall(b"Connection: close\r\n\r\n")
        for s in held:
            try:
                if s.recv(12).startswith(b"HTTP/1.1 200"):
                    completed += 1
            except OSError:
                pass
    finally:
        for s in held:
            s.close()
        server.terminate()
        server.wait(10)

    ms = sorted(t * 1000 for t in timings)
    print(f"mode={args.mode} max_connections={args.max_connections} held={args.hold}")
    print(
        f"connections opened: {len(held)}/{args.hold}"
        + (" (server stopped accepting)" if stalled else "")
    )
    print(f"held connections answered 200 once finished: {completed}/{len(held)}")
    if ms:
        p95 = ms[int(len(ms) * 0.95) - 1]
        print(
            f"fresh requests while holding: {len(ms)} ok, {failures} failed; "
            f"median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"
        )
    else:
        print(f"fresh requests while holding: 0 ok, {failures} failed")
    print(
        f"reproduce: .venv/bin/python bench/connections.py --hold {args.hold} "
        f"--requests {args.requests} --mode {args.mode} --max-connections {args.max_connections}"
    )


if __name__ == "__main__":
    main()
