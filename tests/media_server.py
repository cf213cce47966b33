"""A media server on loopback for the tests that need a real remote URL: it serves a real clip
(made by ffmpeg) with Range support, HLS playlists, redirects and failures, and records what it
was asked. The app's probe may reach it only with MEDIA_URL_ALLOW_PRIVATE (the `media` fixture).
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VOD = (
    "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\na.ts\n#EXTINF:4.0,\nb.ts\n"
    "#EXTINF:2.5,\nc.ts\n#EXT-X-ENDLIST\n"
)
LIVE = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\na.ts\n"
MASTER = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\nlow.m3u8\n"
PADDING = 5 * 1024 * 1024


class Media(BaseHTTPRequestHandler):
    """Serves a clip with Range support, playlists, redirects and failures; records requests."""

    files: dict = {}
    seen: list = []
    sent: dict = {}

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        self.seen.append((self.path, self.headers.get("Range"), self.headers.get("Host")))
        port = self.server.server_port
        redirects = {
            "/redirect": "/clip.mp4",
            "/loop": "/loop",
            "/to-loopback": f"http://127.0.0.1:{port}/clip.mp4",
        }
        if self.path in redirects:
            return self._answer(302, b"", "text/plain", {"Location": redirects[self.path]})
        if self.path == "/slow.mp4":
            time.sleep(3)
        path = self.path.split("?", 1)[0]
        if path not in self.files:
            return self._answer(404, b"missing", "text/plain")
        data, kind = self.files[path]
        return self._ranged(data, kind)

    def _ranged(self, data: bytes, kind: str):
        wanted = self.headers.get("Range", "")
        if not wanted.startswith("bytes="):
            return self._answer(200, data, kind)
        start, _, end = wanted[6:].partition("-")
        first, last = int(start), min(int(end or len(data) - 1), len(data) - 1)
        extra = {"Content-Range": f"bytes {first}-{last}/{len(data)}"}
        return self._answer(206, data[first : last + 1], kind, extra)

    def _answer(self, status, body, kind, extra=None):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
            self.sent[self.path] = self.sent.get(self.path, 0) + len(body)
        except OSError:
            pass


class Handle:
    """The running server: `url(path)`, what it was asked (`seen`) and sent (`sent`)."""

    def __init__(self, server, clip: bytes) -> None:
        self.server, self.clip, self.port = server, clip, server.server_port
        self.seen, self.sent = Media.seen, Media.sent

    def url(self, path: str) -> str:
        """The loopback URL of `path`."""
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        """Shut the server down."""
        self.server.shutdown()


def start(clip: bytes) -> Handle:
    """Serve `clip` (an MP4) and the fixed files on a free loopback port."""
    Media.files = {
        "/clip.mp4": (clip, "video/mp4"),
        "/big.mp4": (clip + b"\0" * PADDING, "application/octet-stream"),
        "/slow.mp4": (clip, "video/mp4"),
        "/notes.txt": (b"just some text, not a video at all" * 10, "text/plain"),
        "/vod.m3u8": (VOD.encode(), "application/vnd.apple.mpegurl"),
        "/track.srt": (b"1\n00:00:00,500 --> 00:00:01,500\nHi\n", "application/x-subrip"),
        "/live.m3u8": (LIVE.encode(), "application/vnd.apple.mpegurl"),
        "/master.m3u8": (MASTER.encode(), "application/x-mpegURL"),
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), Media)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return Handle(server, clip)
