"""A loopback Web Push service for the tests, and the browser that subscribes to it.

The service does what a real one (FCM's, Mozilla's autopush) does with a message: it checks the
VAPID JWT (ES256 signature against the key in the header, which must be the app's; `aud` its
own origin; `exp` at most 24 h ahead) and keeps the message. The fake browser holds a real
P-256 key pair and auth secret and decrypts the aes128gcm body (RFC 8291) with http_ece. The
service can be told to answer 410 for a subscription, or 503/429 for the next messages."""

import base64
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_point(key) -> bytes:
    """A P-256 public key as the 65-byte uncompressed point."""
    return key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


def vapid_keys() -> tuple[str, str]:
    """A (public, private) VAPID pair in the settings' format (base64url point and scalar)."""
    key = ec.generate_private_key(ec.SECP256R1())
    return b64url(public_point(key.public_key())), b64url(
        key.private_numbers().private_value.to_bytes(32, "big")
    )


class Browser:
    """One subscribed browser: its own key pair and auth secret, as a real one has."""

    def __init__(self, endpoint: str) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        self.endpoint = endpoint

    def subscription(self) -> dict:
        """What `PushSubscription.toJSON()` gives."""
        keys = {"p256dh": b64url(public_point(self.key.public_key())), "auth": b64url(self.auth)}
        return {"endpoint": self.endpoint, "expirationTime": None, "keys": keys}

    def decrypt(self, body: bytes) -> dict:
        """The message's JSON, decrypted with this browser's private key."""
        plain = http_ece.decrypt(
            body, private_key=self.key, auth_secret=self.auth, version="aes128gcm"
        )
        return json.loads(plain)


class PushService:
    """The loopback push service; `messages` holds what it accepted, decrypted."""

    def __init__(self, vapid_public: str) -> None:
        self.vapid_public = vapid_public
        self.browsers: dict[str, Browser] = {}
        self.messages: list[dict] = []
        self.refused: list[str] = []
        self.fail_next: list[int] = []  # statuses to answer the next messages with
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.origin = f"http://127.0.0.1:{self.server.server_port}"

    def start(self) -> "PushService":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.running = True
        return self

    def stop(self) -> None:
        """Stop listening (again is fine)."""
        if self.running:
            self.server.shutdown()
            self.server.server_close()
            self.running = False

    def browser(self, name: str = "b1") -> Browser:
        """A new browser subscribed at this service."""
        browser = Browser(f"{self.origin}/push/{name}")
        self.browsers[f"/push/{name}"] = browser
        return browser

    def check_vapid(self, authorization: str) -> None:
        """RFC 8292: `vapid t=<JWT>, k=<key>`; the app's key, a valid signature and claims."""
        scheme, _, params = authorization.partition(" ")
        assert scheme.lower() == "vapid", authorization
        parts = dict(p.strip().split("=", 1) for p in params.split(","))
        assert parts["k"] == self.vapid_public, "signed with another key than the app's"
        key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(parts["k"]))
        assert jwt.get_unverified_header(parts["t"])["alg"] == "ES256"
        claims = jwt.decode(parts["t"], key, algorithms=["ES256"], audience=self.origin)
        assert time.time() < claims["exp"] <= time.time() + 24 * 3600 + 60, claims
        assert claims["sub"].startswith("mailto:"), claims

    def receive(self, path: str, headers, body: bytes) -> int:
        """The status to answer one message with (and keep it when accepted)."""
        try:
            self.check_vapid(headers.get("Authorization", ""))
            assert headers.get("Content-Encoding") == "aes128gcm"
        except (AssertionError, jwt.InvalidTokenError, KeyError, ValueError) as error:
            self.refused.append(repr(error))
            return 403
        with self.lock:
            if self.fail_next:
                return self.fail_next.pop(0)
            payload = self.browsers[path].decrypt(body)
            self.messages.append(
                {
                    "path": path,
                    "payload": payload,
                    "headers": {k.lower(): v for k, v in headers.items()},
                }
            )
        return 201

    def _handler(self):
        service = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = service.receive(self.path, self.headers, body)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler


def run_until(app, run_jobs, done, timeout: float = 30) -> None:
    """Run queued jobs, and retries as they fall due (RQ's scheduler), until `done()`."""
    from redis import Redis

    from tests.conftest import REDIS_URL
    from watchparty.extensions import db
    from watchparty.jobs import QUEUES
    from workers.context import AppWorker

    deadline = time.monotonic() + timeout
    while True:
        run_jobs()
        if REDIS_URL:  # a retry waits in RQ's scheduled registry until its backoff is over
            worker = AppWorker(list(QUEUES), connection=Redis.from_url(REDIS_URL), flask_app=app)
            worker.work(burst=True, with_scheduler=True)
        db.session.expire_all()
        if done() or time.monotonic() > deadline:
            return
        time.sleep(0.3)
