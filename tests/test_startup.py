"""What `python wsgi.py` (make run) says when it starts, and where it listens by default."""

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from watchparty.config import ROOT, Config

pytestmark = pytest.mark.once  # subprocesses on their own settings: one pass is enough


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(tmp_path, **values) -> tuple[subprocess.Popen, object]:
    """`python wsgi.py` (eventlet, the embedded default) with its output going to a file."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "WATCHPARTY_"))}
    for name in ("REDIS_URL", "SECRET_KEY", "MAIL_URL", "HOST", "PORT", "ASYNC_MODE"):
        env.pop(name, None)
    env |= {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'start.db'}",
        "MAIL_DIR": str(tmp_path / "mail"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "WATCHPARTY_ENV_FILE": os.devnull,
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
    } | values
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "wsgi.py")],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return process, log


def wait_for(log, text: str, process, timeout: float = 40) -> str:
    """The log once it contains `text` (fails if the server exits or takes too long)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        output = log.read_text()
        if text in output:
            return output
        if process.poll() is not None:
            pytest.fail(f"wsgi.py exited early:\n{output}")
        time.sleep(0.2)
    pytest.fail(f"no {text!r} within {timeout}s:\n{log.read_text()}")


def stop(process) -> None:
    """Ctrl+C's signal's cousin, then a kill if it lingers."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def test_make_run_prints_one_short_banner_and_no_library_noise(tmp_path):
    port = free_port()
    process, log = start(tmp_path, PORT=str(port), HOST="127.0.0.1")
    try:
        output = wait_for(log, "Press Ctrl+C to stop.", process)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/test/", timeout=10) as answer:
            assert answer.status == 200
        output = wait_for(log, "GET /api/test/", process)  # request lines are still logged
    finally:
        stop(process)
    base = f"http://127.0.0.1:{port}"
    assert f"Watchparty (development) is running at {base}/" in output
    assert f"API docs: {base}/api/docs/" in output
    assert f"Emails:   written to {tmp_path / 'mail'} (MAIL_URL is not set)" in output
    banner = output[output.index("Watchparty (") : output.index("Press Ctrl+C to stop.")]
    assert len(banner.splitlines()) == 3, banner
    # Nothing else at start-up: no warnings of libraries (eventlet's, cryptography's through
    # dnspython's) or of our own code, no "wsgi starting up on 0.0.0.0".
    before = output[: output.index("Watchparty (")]
    assert before == "", before
    for noise in ("Warning", "deprecated", "wsgi starting up", "Traceback"):
        assert noise not in output, output


def test_the_banner_never_shows_the_mail_servers_credentials(tmp_path):
    port = free_port()
    mail = "smtp://mailer:hunter2-secret@127.0.0.1:2525"
    process, log = start(tmp_path, PORT=str(port), MAIL_URL=mail)
    try:
        output = wait_for(log, "Press Ctrl+C to stop.", process)
    finally:
        stop(process)
    assert "Emails:   sent through MAIL_URL" in output
    assert "hunter2" not in output
    # PORT came from outside (a platform): every interface, shown as localhost.
    assert f"is running at http://localhost:{port}/ (listening on every interface)" in output


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, "127.0.0.1"),
        ({"PORT": "8080"}, "0.0.0.0"),
        ({"FLASK_ENV": "production"}, "0.0.0.0"),
        ({"PORT": "8080", "HOST": "127.0.0.1"}, "127.0.0.1"),
        ({"HOST": "0.0.0.0"}, "0.0.0.0"),
    ],
    ids=["development", "platform-port", "production", "host-wins", "host-everywhere"],
)
def test_development_listens_on_loopback_unless_told_or_deployed(monkeypatch, values, expected):
    for name in ("PORT", "HOST", "FLASK_ENV", "WATCHPARTY_ENV"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    host = Config().HOST
    assert host == expected
