"""Shared plumbing of the real-time benchmarks: server processes, seed data, client processes.

The server under test is `python wsgi.py` (eventlet) on PostgreSQL, optionally with Redis.
Seed data is written by this process through the app's own models and token service; then
client processes (each one asyncio loop holding many connections) are driven over pipes.
"""

import asyncio
import contextlib
import importlib
import multiprocessing as mp
import os
import resource
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DEFAULT_DB = "postgresql://postgres@127.0.0.1:5432/watchparty_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/5"
SECRET = "bench-secret-" + "x" * 48
PASSWORD = "Sturdy-Passw0rd!"


def raise_fd_limit(wanted: int) -> None:
    """Lift this process's open-files soft limit (the children inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def free_port() -> int:
    """An unused loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def app_env(
    db_url: str, redis_url: str | None, max_connections: int = 12000, mode: str = "eventlet"
) -> dict:
    """The environment of the server processes (and of the seeding app)."""
    env = os.environ | {
        "DATABASE_URL": db_url,
        "SECRET_KEY": SECRET,
        "JWT_SECRET_KEY": SECRET,
        "JWT_ACCESS_MINUTES": "240",
        "FLASK_ENV": "production",  # no per-request access log on the event loop
        "ASYNC_MODE": mode,
        "MAX_CONNECTIONS": str(max_connections),
        "RATELIMIT_ENABLED": "false",
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def ensure_database(db_url: str) -> None:
    """Create the scratch PostgreSQL database if the server lacks it."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from watchparty.config import database_url

    url = make_url(database_url(db_url))  # postgresql:// -> the psycopg2 driver we ship
    engine = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        exists = text("SELECT 1 FROM pg_database WHERE datname = :name")
        found = conn.scalar(exists, {"name": url.database})
        if not found:
            conn.execute(text(f'CREATE DATABASE "{url.database}"'))
    engine.dispose()


def reset_stores(db_url: str, redis_url: str | None) -> None:
    """Fresh tables (create_all: the bench database is scratch) and an empty Redis db."""
    ensure_database(db_url)
    os.environ.update(app_env(db_url, redis_url))
    from watchparty import create_app
    from watchparty.extensions import db

    app = create_app()
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.engine.dispose()
    if redis_url:
        import redis

        redis.Redis.from_url(redis_url).flushdb()


def start_server(
    port: int, env: dict, log: Path | None = None, profile: str | None = None, trace=None
) -> subprocess.Popen:
    """`python wsgi.py` on `port` (under cProfile or stage timers); waits until it answers."""
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - lives with the child
    script = ["wsgi.py"]
    if profile:
        script = ["bench/profiled_server.py", profile]
    elif trace:
        script = ["bench/traced_server.py", trace]
    proc = subprocess.Popen(
        [sys.executable, *script],
        cwd=ROOT,
        env=env | {"PORT": str(port)},
        stdout=out,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    end = time.monotonic() + 40
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} (log: {log})")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/test/", timeout=1).read()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def stop(proc: subprocess.Popen) -> None:
    """Stop one server process we started (SIGTERM: a profiled server writes its stats)."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def print_profile(path: str | None, top: int = 25) -> None:
    """The server's hottest functions by own time (greenlet switches blur cumulative time)."""
    if not path or not Path(path).exists():
        return
    import pstats

    print(f"\nserver profile ({path}), top {top} by own time:")
    pstats.Stats(path).sort_stats("tottime").print_stats(top)
    print("watchparty handlers by wall time (cumulative includes waits on I/O):")
    wanted = r"watchparty/.*(events|service|control)"
    pstats.Stats(path).sort_stats("cumulative").print_stats(wanted, top)


def print_trace(path: str | None) -> None:
    """Wall time of each traced server stage (bench/traced_server.py)."""
    if not path or not Path(path).exists():
        return
    import json

    print("\n### Server stages, wall time (bench/traced_server.py)\n")
    print("| stage | calls | p50 / p99 / max ms |")
    print("|---|---|---|")
    for name, values in json.loads(Path(path).read_text()).items():
        print(f"| {name} | {len(values)} | {summary(values)} |")


def rss_mb(pid: int) -> float:
    """Resident memory of a process (VmRSS), MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Seeder:
    """Users with open sessions and parties, written through the app's own code."""

    def __init__(self, db_url: str, redis_url: str | None) -> None:
        os.environ.update(app_env(db_url, redis_url))
        from watchparty import create_app

        self.app = create_app()
        self._hash = None

    def users(self, count: int) -> list[tuple[str, str]]:
        """`count` verified users, each with one session: [(user_id, access_token)]."""
        from watchparty.auth.tokens import start_session
        from watchparty.extensions import db
        from watchparty.users.models import User
        from watchparty.users.passwords import hash_password

        run = secrets.token_hex(3)
        out = []
        with self.app.test_request_context("/api/auth/login/"):
            self._hash = self._hash or hash_password(PASSWORD)  # argon2 is slow: hash once
            for start in range(0, count, 500):
                batch = []
                for n in range(start, min(count, start + 500)):
                    user = User(
                        email=f"b{run}-{n}@example.com",
                        password_hash=self._hash,
                        first_name=f"V{n}",
                        last_name="Bench",
                        is_verified=True,
                    )
                    db.session.add(user)
                    batch.append(user)
                db.session.flush()
                tokens = [start_session(user)["access_token"] for user in batch]
                db.session.commit()
                out += [(str(user.id), token) for user, token in zip(batch, tokens, strict=True)]
        return out

    def party(self, host_id: str, members: list[str], **fields) -> str:
        """A live party hosted by `host_id` with every one of `members` joined; its id."""
        from watchparty.extensions import db
        from watchparty.parties import membership
        from watchparty.parties.models import Party

        fields = {
            "title": "Bench party",
            "max_participants": len(members) + 1,
            "control_policy": "host",
            "wait_for_ready": False,
            "status": "live",
            "media_url": "https://example.com/bench.mp4",
            "room_code": secrets.token_hex(4).upper(),
        } | fields
        with self.app.app_context():
            party = Party(host_id=uuid.UUID(host_id), **fields)
            db.session.add(party)
            db.session.commit()
            membership.join(party, party.host_id)
            for user_id in members:
                membership.join(party, uuid.UUID(user_id))
            party_id = str(party.id)
            db.session.remove()
        return party_id

    def close(self) -> None:
        """Release database connections before the load starts."""
        from watchparty.extensions import db

        with self.app.app_context():
            db.session.remove()
            db.engine.dispose()


def _worker(conn, target: str, shard: dict) -> None:
    """A client process: build `module:Class(**shard)`, then run the calls sent over `conn`."""
    module, name = target.split(":")
    cls = getattr(importlib.import_module(module), name)

    async def serve() -> None:
        group = cls(**shard)
        loop = asyncio.get_running_loop()
        while True:
            message = await loop.run_in_executor(None, conn.recv)
            if message is None:
                break
            method, kwargs = message
            try:
                result = await getattr(group, method)(**kwargs)
                conn.send(("ok", result))
            except Exception as exc:  # noqa: BLE001 - reported to the orchestrator
                conn.send(("error", f"{type(exc).__name__}: {exc}"))
        await group.close()

    asyncio.run(serve())


class Pool:
    """Client processes, each holding one shard of the connections."""

    def __init__(self, target: str, shards: list[dict]) -> None:
        ctx = mp.get_context("spawn")  # fresh interpreters: no inherited app or DB state
        self.conns, self.procs = [], []
        for shard in shards:
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_worker, args=(child, target, shard), daemon=True)
            proc.start()
            self.conns.append(parent)
            self.procs.append(proc)

    async def call(self, method: str, **kwargs) -> list:
        """Run `method` on every shard at once; their results, in shard order."""
        for conn in self.conns:
            conn.send((method, kwargs))
        loop = asyncio.get_running_loop()
        replies = await asyncio.gather(*(loop.run_in_executor(None, c.recv) for c in self.conns))
        errors = [value for status, value in replies if status == "error"]
        if errors:
            raise RuntimeError(f"{method} failed in a client process: {errors[0]}")
        return [value for _, value in replies]

    def close(self) -> None:
        """Stop the client processes."""
        for conn in self.conns:
            with contextlib.suppress(OSError):
                conn.send(None)
        for proc in self.procs:
            proc.join(15)
            if proc.is_alive():
                proc.terminate()


def split(items: list, parts: int) -> list[list]:
    """`items` dealt round-robin into `parts` lists."""
    return [items[i::parts] for i in range(parts)]


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of `values`."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q / 100 * len(ordered))) - 1))]


def summary(values: list[float]) -> str:
    """`p50 / p99 / max` in ms with one decimal."""
    if not values:
        return "—"
    return f"{pct(values, 50):.1f} / {pct(values, 99):.1f} / {max(values):.1f}"


def reproduce(script: str, args) -> str:
    """The command line that reruns this harness with the same flags."""
    flags = []
    for key, value in vars(args).items():
        flag = "--" + key.replace("_", "-")
        if isinstance(value, bool):
            flags += [flag] if value else []
        elif value == "" and key != "redis":
            continue  # an unset optional path (--profile, --trace)
        elif isinstance(value, list):
            flags += [flag, ",".join(str(v) for v in value)]
        else:
            flags += [flag, shlex.quote(str(value))]
    return " ".join([".venv/bin/python", f"bench/{script}", *flags])


def int_list(text: str) -> list[int]:
    """A comma-separated list of integers (CLI flag type)."""
    return [int(part) for part in text.split(",") if part.strip()]
