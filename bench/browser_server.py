"""A real `python wsgi.py` on the embedded default in a temp dir, with users and a ready video.

Used by bench/browser_sync.py: everything goes through the public API (register, login,
multipart upload, processing status, party create/join, playback control).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from upload_memory import free_port, wait_ready

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "Bench-Passw0rd!"


class Server:
    """Start, call and stop one server process."""

    def __init__(self, async_mode: str = "eventlet") -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="wp-browser-bench-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "WATCHPARTY_"))}
        for name in ("REDIS_URL", "SECRET_KEY", "S3_BUCKET", "DATABASE_URL", "MAIL_URL"):
            env.pop(name, None)
        env |= {
            "DATABASE_URL": f"sqlite:///{self.folder / 'bench.db'}",
            "MEDIA_ROOT": str(self.folder / "media"),
            "WATCHPARTY_ENV_FILE": os.devnull,
            "PYTHONPATH": str(ROOT),
            "ASYNC_MODE": async_mode,
            "PORT": str(self.port),
            "TRANSCODE_LADDER": "240,360",
            "HLS_SEGMENT_SECONDS": "2",
            "FRONTEND_URL": self.url,
        }
        flask = [sys.executable, "-m", "flask", "--app", "watchparty:create_app()", "db", "upgrade"]
        subprocess.run(flask, cwd=self.folder, env=env, check=True, capture_output=True)
        self.log = self.folder / "server.log"
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, str(ROOT / "wsgi.py")],
                cwd=self.folder,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        wait_ready(self.port, self.process, self.log)

    def call(self, method: str, path: str, body=None, token=None, raw=None, ctype=None) -> dict:
        """One JSON API call; raises with the server's answer on an error status."""
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", ctype or "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"{method} {path}: {error.code} {error.read()[:300]!r}") from None

    def user(self, n: int) -> dict:
        """Register and sign in user n: the login body {access_token, refresh_token, user}."""
        email = f"viewer{n}-{uuid.uuid4().hex[:6]}@example.com"
        body = {"email": email, "password": PASSWORD, "confirm_password": PASSWORD}
        self.call("POST", "/api/auth/register/", body | {"first_name": f"V{n}", "last_name": "B"})
        return self.call("POST", "/api/auth/login/", {"email": email, "password": PASSWORD})

    def ready_video(self, token: str, seconds: int) -> str:
        """Upload a generated clip through the API and wait for the transcode; returns its id."""
        from watchparty.videos.ffmpeg import ffmpeg_binary

        clip = self.folder / "clip.mp4"
        src = f"testsrc2=size=640x360:rate=25:duration={seconds}"
        tone = f"sine=frequency=440:duration={seconds}"
        subprocess.run(
            [ffmpeg_binary(), "-loglevel", "error", "-y", "-f", "lavfi", "-i", src]
            + ["-f", "lavfi", "-i", tone, "-c:v", "libx264", "-preset", "veryfast"]
            + ["-pix_fmt", "yuv420p", "-c:a", "aac", str(clip)],
            check=True,
        )
        boundary = uuid.uuid4().hex
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBench clip\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="video_file"; '
            f'filename="clip.mp4"\r\nContent-Type: video/mp4\r\n\r\n'
        ).encode()
        raw = head + clip.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        ctype = f"multipart/form-data; boundary={boundary}"
        video_id = self.call("POST", "/api/videos/upload/", token=token, raw=raw, ctype=ctype)[
            "video_id"
        ]
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            status = self.call("GET", f"/api/videos/{video_id}/processing-status/", token=token)
            if status["status"] == "ready":
                return video_id
            if status["status"] == "failed":
                raise RuntimeError(f"transcode failed: {status}")
            time.sleep(1)
        raise RuntimeError("transcode did not finish")

    def stop(self) -> None:
        """Stop the server and delete its folder."""
        self.process.terminate()
        self.process.wait(timeout=15)
        shutil.rmtree(self.folder, ignore_errors=True)
