"""Peak server memory while a large multipart upload streams to POST /api/videos/upload/.

Starts `python wsgi.py` (SQLite, local storage, no Redis: in-process jobs) in a temp dir,
measures its idle RSS, streams a generated upload (an MP4 `ftyp` box then filler, never held
in memory on either side), samples the server's VmRSS every 20 ms, and prints idle, peak,
peak - idle (target <= 64 MB), the wall time and MB/s. The temp dir is deleted at the end.

    .venv/bin/python bench/upload_memory.py [--size-mb 500] [--async-mode eventlet] [--chunked]
"""

import argparse
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
BOUNDARY = "benchBOUNDARY7MA4YWxkTrZu0gW"
SETUP = """
from watchparty import create_app
from watchparty.extensions import db
from watchparty.users.models import User
from watchparty.users.passwords import hash_password
from watchparty.auth.tokens import start_session
app = create_app()
with app.app_context():
    db.create_all()
    user = User(email="bench@example.com", password_hash=hash_password("Bench-Passw0rd!"),
                first_name="Bench", last_name="User", is_verified=True)
    db.session.add(user)
    db.session.commit()
    with app.test_request_context("/api/auth/login/"):
        tokens = start_session(user)
        db.session.commit()
    print(tokens["access_token"])
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of `pid`, in bytes."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) * 1024
    return values


def body_parts(size: int) -> tuple[bytes, bytes, int]:
    """Multipart head and tail around a file of `size` bytes; the total length."""
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBench upload\r\n'
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="video_file"; '
        'filename="bench.mp4"\r\nContent-Type: video/mp4\r\n\r\n'
    ).encode()
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()
    return head, tail, len(head) + size + len(tail)


def generate(size: int):
    """The upload, generated on the fly: an `ftyp` box, then zero filler, 1 MiB at a time."""
    head, tail, _total = body_parts(size)
    yield head
    ftyp = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2"
    yield ftyp
    filler, left = bytes(MB), size - len(ftyp)
    while left > 0:
        step = min(left, MB)
        yield filler[:step]
        left -= step
    yield tail


class Sampler(threading.Thread):
    """Polls the server's RSS until stopped; keeps the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, memory(self.pid)["VmRSS"])
            time.sleep(0.02)


def wait_ready(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"server exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/test/", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"server did not start:\n{log.read_text()}")


def upload(port: int, token: str, size: int, chunked: bool) -> tuple[int, bytes]:
    """POST the generated body; returns the status and response body."""
    _head, _tail, total = body_parts(size)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    headers = {
        "Authorization": f"Bearer {token}",
        "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
    }
    if not chunked:
        headers["Content-Length"] = str(total)
    conn.request(
        "POST", "/api/videos/upload/", body=generate(size), headers=headers, encode_chunked=chunked
    )
    response = conn.getresponse()
    return response.status, response.read()


def run(size_mb: int, mode: str, chunked: bool) -> None:
    """Serve, measure idle, upload while sampling, report."""
    folder = Path(tempfile.mkdtemp(prefix="wp-upload-bench-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "WATCHPARTY_"))}
    for name in ("REDIS_URL", "SECRET_KEY", "S3_BUCKET", "AWS_S3_BUCKET_NAME", "DATABASE_URL"):
        env.pop(name, None)
    env |= {
        "DATABASE_URL": f"sqlite:///{folder / 'bench.db'}",
        "MEDIA_ROOT": str(folder / "media"),
        "TMPDIR": str(folder),  # Werkzeug spools the upload here
        "WATCHPARTY_ENV_FILE": os.devnull,
        "PYTHONPATH": str(ROOT),
        "ASYNC_MODE": mode,
        "PORT": str(port),
        "VIDEO_MAX_BYTES": str(max(500, size_mb + 1) * MB),
    }
    log = folder / "server.log"
    process = None
    try:
        setup = subprocess.run(
            [sys.executable, "-c", SETUP],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        token = setup.stdout.strip().splitlines()[-1]
        with open(log, "wb") as out:
            process = subprocess.Popen(
                [sys.executable, str(ROOT / "wsgi.py")],
                cwd=folder,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        wait_ready(port, process, log)
        time.sleep(1)
        idle = memory(process.pid)
        sampler = Sampler(process.pid)
        sampler.start()
        started = time.monotonic()
        status, body = upload(port, token, size_mb * MB, chunked)
        wall = time.monotonic() - started
        time.sleep(0.5)
        sampler.running = False
        sampler.join()
        after = memory(process.pid)
        report(size_mb, mode, chunked, status, body, idle, sampler.peak, after, wall)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def report(size_mb, mode, chunked, status, body, idle, peak, after, wall) -> None:
    """Print the figures and the command that reproduces them."""
    print(
        f"upload: {size_mb} MB multipart, {'chunked' if chunked else 'Content-Length'}, "
        f"ASYNC_MODE={mode} -> HTTP {status}"
    )
    if status != 201:
        print(body.decode(errors="replace")[:500])
    print(f"idle RSS:        {idle['VmRSS'] / MB:8.1f} MB (VmHWM {idle['VmHWM'] / MB:.1f} MB)")
    print(f"peak RSS:        {peak / MB:8.1f} MB (VmHWM after {after['VmHWM'] / MB:.1f} MB)")
    delta = peak - idle["VmRSS"]
    verdict = "OK" if delta <= 64 * MB else "OVER TARGET"
    print(f"peak - idle:     {delta / MB:8.1f} MB (target <= 64 MB: {verdict})")
    print(f"wall time:       {wall:8.2f} s ({size_mb / wall:.1f} MB/s, response included)")
    flags = f"--size-mb {size_mb} --async-mode {mode}" + (" --chunked" if chunked else "")
    print(f"reproduce:       .venv/bin/python bench/upload_memory.py {flags}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=500)
    parser.add_argument(
        "--async-mode", default="eventlet", choices=("eventlet", "gevent", "threading")
    )
    parser.add_argument("--chunked", action="store_true", help="no Content-Length")
    options = parser.parse_args()
    run(options.size_mb, options.async_mode, options.chunked)
