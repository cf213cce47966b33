"""Does hashing passwords stall everyone else? Time GET /api/test/ while sign-ins run.

argon2 is deliberately slow CPU work. If it runs on the event loop, every sign-in freezes all
other connections (and, later, Socket.IO sync traffic) for the length of a hash. Reproduce with:

    .venv/bin/python bench/login_stall.py --logins 40 --concurrency 4
"""

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from connections import free_port, start_server, wait_ready  # noqa: E402

PASSWORD = "Sturdy-Passw0rd!"


def post(port: int, path: str, body: dict) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def ping(port: int) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/test/", timeout=30) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def measure(port: int, logins: int, concurrency: int) -> tuple[list[float], float]:
    """Ping every 5 ms while `logins` sign-ins run `concurrency` at a time."""
    done = threading.Event()
    pings: list[float] = []

    def pinger() -> None:
        while not done.is_set():
            pings.append(ping(port))
            time.sleep(0.005)

    def signer(count: int) -> None:
        for _ in range(count):
            post(port, "/api/auth/login/", {"email": "bench@example.com", "password": PASSWORD})

    watcher = threading.Thread(target=pinger)
    watcher.start()
    started = time.perf_counter()
    workers = [
        threading.Thread(target=signer, args=(logins // concurrency,)) for _ in range(concurrency)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    done.set()
    watcher.join()
    return pings, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logins", type=int, default=40)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--mode", default="eventlet")
    args = parser.parse_args()
    port = free_port()
    server = start_server(port, args.mode, 10000)
    try:
        wait_ready(port)
        post(
            port,
            "/api/auth/register/",
            {
                "email": "bench@example.com",
                "password": PASSWORD,
                "confirm_password": PASSWORD,
                "first_name": "Bench",
                "last_name": "Mark",
            },
        )
        idle = [ping(port) for _ in range(200)]
        pings, elapsed = measure(port, args.logins, args.concurrency)
    finally:
        server.terminate()
        server.wait(10)

    def summary(values: list[float]) -> str:
        values = sorted(values)
        p99 = values[max(0, int(len(values) * 0.99) - 1)]
        return (
            f"median {statistics.median(values):.1f} ms, p99 {p99:.1f} ms, max {values[-1]:.1f} ms"
        )

    print(f"mode={args.mode}")
    print(f"GET /api/test/ idle:                {summary(idle)}")
    print(f"GET /api/test/ during sign-ins:     {summary(pings)} ({len(pings)} requests)")
    print(
        f"sign-ins: {args.logins} in {elapsed:.2f} s = {args.logins / elapsed:.1f}/s "
        f"({args.concurrency} at a time)"
    )
    print(
        f"reproduce: .venv/bin/python bench/login_stall.py --logins {args.logins} "
        f"--concurrency {args.concurrency} --mode {args.mode}"
    )


if __name__ == "__main__":
    main()
