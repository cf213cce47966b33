"""A loopback stand-in for Firebase Cloud Messaging's HTTP v1 API and Google's OAuth2 token
endpoint (Google's servers cannot run here, so this plays both, as the docs describe them).

The token endpoint takes the service account's JWT assertion (RFC 7523), checks its RS256
signature against the test's RSA public key, its `iss`, `aud` (Google's endpoint) and scope,
and issues an access token for an hour. `messages:send` accepts only a bearer it issued, for
its project, records the message, answers 404 UNREGISTERED for tokens it was told are gone,
and a given status (429, 503) for the next messages."""

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

PROJECT = "watchparty-test"
SCOPE = "https://www.googleapis.com/auth/firebase.messaging"
EMAIL = "push@watchparty-test.iam.gserviceaccount.com"
# google-auth always addresses the assertion to Google's endpoint, wherever it posts it.
GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token"
UNREGISTERED = {
    "code": 404,
    "message": "Requested entity was not found.",
    "status": "NOT_FOUND",
    "details": [
        {
            "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError",
            "errorCode": "UNREGISTERED",
        }
    ],
}


def service_account(key) -> dict:
    """The JSON of a service account whose private key is `key`."""
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return {
        "type": "service_account",
        "project_id": PROJECT,
        "private_key_id": "test-key-1",
        "private_key": pem.decode(),
        "client_email": EMAIL,
        "client_id": "1234567890",
        "token_uri": GOOGLE_TOKEN_URI,  # the app's FCM_TOKEN_URI wins
    }


class Fcm:
    """Both endpoints on one loopback server; `messages` and `tokens_issued` say what happened."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.trusted = self.key.public_key()  # the key Google would hold for the account
        self.tokens: dict[str, float] = {}
        self.tokens_issued = 0
        self.messages: list[dict] = []
        self.refused: list[str] = []
        self.unregistered: set[str] = set()
        self.fail_next: list[int] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.token_uri = f"{self.base}/token"

    def start(self) -> "Fcm":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def issue(self, form: dict) -> tuple[int, dict]:
        """The token endpoint: a JWT bearer grant signed by the service account's key."""
        try:
            assert form["grant_type"] == ["urn:ietf:params:oauth:grant-type:jwt-bearer"]
            claims = jwt.decode(
                form["assertion"][0], self.trusted, algorithms=["RS256"], audience=GOOGLE_TOKEN_URI
            )
            assert claims["iss"] == EMAIL and SCOPE in claims["scope"].split(), claims
        except (AssertionError, KeyError, jwt.InvalidTokenError) as error:
            self.refused.append(repr(error))
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
        token = "ya29.test-" + secrets.token_urlsafe(16)
        with self.lock:
            self.tokens[token] = time.time() + 3600
            self.tokens_issued += 1
        return 200, {"access_token": token, "expires_in": 3600, "token_type": "Bearer"}

    def send(self, path: str, authorization: str, body: dict) -> tuple[int, dict]:
        """`POST /v1/projects/{project}/messages:send`."""
        token = authorization.removeprefix("Bearer ")
        if self.tokens.get(token, 0) < time.time():
            self.refused.append(f"bearer {token!r}")
            return 401, {"error": {"code": 401, "status": "UNAUTHENTICATED"}}
        if path != f"/v1/projects/{PROJECT}/messages:send":
            return 404, {"error": {"code": 404, "status": "NOT_FOUND", "message": path}}
        with self.lock:
            if body["message"]["token"] in self.unregistered:
                return 404, {"error": UNREGISTERED}
            if self.fail_next:
                status = self.fail_next.pop(0)
                return status, {"error": {"code": status, "status": "UNAVAILABLE"}}
            self.messages.append(body["message"])
        return 200, {"name": f"projects/{PROJECT}/messages/{len(self.messages)}"}

    def _handler(self):
        fcm = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802 - http.server's name
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path == "/token":
                    status, answer = fcm.issue(parse_qs(raw.decode()))
                else:
                    auth = self.headers.get("Authorization", "")
                    status, answer = fcm.send(self.path, auth, json.loads(raw))
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
