"""Helpers of scripts/seed_fuzz.py: an HTTP client per account, accounts, clips, test cards."""

import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import requests

PASSWORD = "Good-Passw0rd!"
VISA = "4242424242424242"
ROOT = Path(__file__).resolve().parent.parent


class Api:
    """One account's HTTP client: every call must answer with an expected status."""

    def __init__(self, base: str, token: str | None = None):
        self.base, self.token = base, token

    def call(self, method: str, path: str, expect=(200, 201), **kwargs) -> dict:
        """The JSON answer of one call; exits with the answer if its status is unexpected."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = requests.request(method, self.base + path, headers=headers, timeout=60, **kwargs)
        if response.status_code not in expect:
            sys.exit(f"seed: {method} {path} -> {response.status_code}: {response.text[:500]}")
        return response.json() if response.content else {}

    def get(self, path: str, **kwargs) -> dict:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, body: dict | None = None, **kwargs) -> dict:
        return self.call("POST", path, json=body if body is not None else {}, **kwargs)

    def session_id(self) -> str:
        """The session this client's access token belongs to (its `sid` claim)."""
        claims = self.token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))["sid"]


def sign_up(base: str, email: str, first: str, sessions: int = 2) -> tuple[Api, dict]:
    """Register (one session) and sign in again (more sessions); the newest session's client."""
    body = {"email": email, "password": PASSWORD, "confirm_password": PASSWORD}
    made = Api(base).post("/api/auth/register/", body | {"first_name": first, "last_name": "Fz"})
    token = made["access_token"]
    for _ in range(sessions - 1):
        login = Api(base).post("/api/auth/login/", {"email": email, "password": PASSWORD})
        token = login["access_token"]
    return Api(base, token), made["user"]


def promote(email: str) -> None:
    """Make the account a superuser with the app's own command."""
    flask = [sys.executable, "-m", "flask", "--app", "watchparty:create_app()"]
    done = subprocess.run(  # noqa: S603 - a fixed argument list
        [*flask, "admin", "promote", email, "--superuser"], capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode:
        sys.exit(f"seed: flask admin promote failed: {done.stderr[-2000:]}")


def make_clip(folder: Path) -> Path:
    """A 2-second 640x360 MP4 (test pattern and tone) made by ffmpeg."""
    sys.path.insert(0, str(ROOT))
    from watchparty.videos.ffmpeg import ffmpeg_binary

    path = folder / "seed.mp4"
    lavfi = ["-f", "lavfi", "-i"]
    subprocess.run(  # noqa: S603 - a fixed argument list
        [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-y"]
        + [*lavfi, "testsrc2=size=640x360:rate=25:duration=2", *lavfi, "sine=duration=2"]
        + ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", str(path)],
        check=True,
        timeout=120,
    )
    return path


def card(number: str = VISA) -> str:
    """A new localstripe PaymentMethod for a test card."""
    data = {"type": "card", "card[number]": number, "card[exp_month]": 12}
    data |= {"card[exp_year]": 2034, "card[cvc]": "123"}
    response = requests.post(
        f"{os.environ['STRIPE_API_BASE']}/v1/payment_methods",
        data=data,
        auth=(os.environ["STRIPE_SECRET_KEY"], ""),
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["id"]


def deliver_stripe_webhooks(base: str) -> None:
    """localstripe signs and posts its events to the server, as Stripe would."""
    requests.post(
        f"{os.environ['STRIPE_API_BASE']}/_config/webhooks/watchparty",
        data={
            "url": f"{base}/api/billing/webhooks/stripe/",
            "secret": os.environ.get("STRIPE_WEBHOOK_SECRET", ""),
        },
        timeout=30,
    ).raise_for_status()


def wait_for(probe, what: str, timeout: float = 120):
    """Poll `probe` until it returns something truthy; exit if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.5)
    sys.exit(f"seed: no {what} after {timeout:.0f} s")


def items(listing) -> list:
    """The entries of a list answer: a bare list, or a page's `results` (or one named list)."""
    if isinstance(listing, list):
        return listing
    for key in ("results", "payment_methods", "invoices", "events", "sessions", "data"):
        if isinstance(listing.get(key), list):
            return listing[key]
    return []


def ids(listing) -> list[str]:
    """The ids of a list answer's entries."""
    return [str(entry["id"]) for entry in items(listing)]


def inner(answer: dict, key: str) -> dict:
    """`answer[key]` when the answer wraps the object under `key`, else the answer itself."""
    value = answer.get(key)
    return value if isinstance(value, dict) else answer
