"""`python wsgi.py` serves the API in each async mode; eventlet holds over 1,024 connections."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from watchparty.config import ROOT

pytestmark = pytest.mark.once  # subprocesses on their own settings: one pass is enough

IDLE_CONNECTIONS = 1100  # more than eventlet's default cap of 1,024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(db_url: str, **values) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "WATCHPARTY_"))}
    env.pop("REDIS_URL", None)
    env.pop("SECRET_KEY", None)
    return (
        env
        | {
            "DATABASE_URL": db_url,
            "WATCHPARTY_ENV_FILE": os.devnull,
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
        }
        | values
    )


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> str:
    """A SQLite file migrated with the real `flask db upgrade`."""
    url = f"sqlite:///{tmp_path_factory.mktemp('wsgi') / 'wsgi.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "watchparty:create_app()", "db", "upgrade"],
        cwd=ROOT,
        env=server_env(url, ASYNC_MODE="threading"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return url


def get(port: int, path: str, timeout: float = 2) -> tuple[int, bytes]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
        return response.status, response.read()


def limit_files(soft: int | None):
    """A preexec_fn starting the child with a low open-files soft limit, as many hosts do."""
    if soft is None:
        return None
    import resource

    def apply() -> None:
        hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))

    return apply


def soft_files_limit(pid: int) -> int | None:
    """The process's open-files soft limit, from /proc (None where there is no /proc)."""
    try:
        lines = Path(f"/proc/{pid}/limits").read_text().splitlines()
    except OSError:
        return None
    line = next(ln for ln in lines if ln.startswith("Max open files"))
    return int(line.split()[3])


class Server:
    """`python wsgi.py` in a subprocess on a free port."""

    def __init__(
        self,
        tmp_path,
        database: str,
        files_limit: int | None = None,
        name: str = "server",
        **values,
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp_path / f"{name}.log"
        env = server_env(database, PORT=str(self.port), **values)
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(ROOT / "wsgi.py")],
                cwd=tmp_path,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=limit_files(files_limit),
            )

    def wait_ready(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"server exited early:\n{self.log.read_text()}")
            try:
                if get(self.port, "/api/test/", timeout=1)[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"server did not answer within {timeout}s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def start_server(tmp_path, database):
    servers: list[Server] = []

    def start(files_limit: int | None = None, **values) -> Server:
        server = Server(tmp_path, database, files_limit, **values)
        servers.append(server)
        server.wait_ready()
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.mark.parametrize("mode", ["eventlet", "gevent", "threading"])
def test_server_starts_and_answers_in_each_async_mode(start_server, mode):
    server = start_server(ASYNC_MODE=mode)
    status, body = get(server.port, "/api/test/")
    assert status == 200 and b"Server is working!" in body
    status, body = get(server.port, "/api/health/")
    assert status == 200 and b'"database":"healthy"' in body.replace(b" ", b"")
    status, body = get(server.port, "/socket.io/?EIO=4&transport=polling")
    assert status == 200 and body.startswith(b"0{") and b'"sid"' in body
    # Patching must happen before Flask and friends are imported, or eventlet complains.
    assert b"monkey_patching" not in server.log.read_bytes()


def test_reading_the_configuration_imports_no_framework_before_patching():
    probe = (
        "import sys, watchparty.config; "
        "print(sorted({'flask', 'sqlalchemy', 'redis'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def open_idle_requests(port: int, count: int, connect_timeout: float = 10) -> list[socket.socket]:
    """Up to `count` connections each holding an unfinished request; stops at a refused one."""
    sockets = []
    for _ in range(count):
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=connect_timeout)
        except OSError:
            break
        sock.sendall(b"GET /api/test/ HTTP/1.1\r\nHost: localhost\r\n")
        sockets.append(sock)
    return sockets


def finish_all(sockets: list[socket.socket]) -> list[bytes]:
    """End every pending request, then read each answer."""
    for sock in sockets:
        sock.sendall(b"Connection: close\r\n\r\n")
    answers = []
    for sock in sockets:
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
        answers.append(data)
    return answers


@pytest.fixture
def many_files():
    """The test process itself needs more than IDLE_CONNECTIONS descriptors."""
    resource = pytest.importorskip("resource")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = IDLE_CONNECTIONS + 512
    if soft != resource.RLIM_INFINITY and soft < needed:
        if hard != resource.RLIM_INFINITY and hard < needed:
            pytest.skip(f"open-files hard limit {hard} is below {needed}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_eventlet_serves_more_than_1024_simultaneous_connections(start_server, many_files):
    # Started with the common soft limit of 1,024 files: wsgi.py must lift it itself.
    server = start_server(files_limit=1024, ASYNC_MODE="eventlet")
    limit = soft_files_limit(server.process.pid)
    assert limit is None or limit > IDLE_CONNECTIONS
    idle = open_idle_requests(server.port, IDLE_CONNECTIONS)
    try:
        assert len(idle) == IDLE_CONNECTIONS
        # With eventlet's default cap, the first 1,024 idle requests would hold every slot.
        status, _ = get(server.port, "/api/test/", timeout=10)
        assert status == 200
        answers = finish_all(idle)
        assert sum(a.startswith(b"HTTP/1.1 200") for a in answers) == IDLE_CONNECTIONS
    finally:
        for sock in idle:
            sock.close()


def test_a_low_connection_cap_is_what_the_check_above_detects(start_server, many_files):
    server = start_server(ASYNC_MODE="eventlet", MAX_CONNECTIONS="1000")
    idle = open_idle_requests(server.port, IDLE_CONNECTIONS, connect_timeout=1)
    try:
        assert len(idle) >= 1000
        with pytest.raises(OSError):  # a timeout: every slot is held by an idle request
            get(server.port, "/api/test/", timeout=3)
    finally:
        for sock in idle:
            sock.close()
