"""Browser fixtures: Debian's Chromium driven by Playwright against the live test server.

Chromium comes from the distribution (`make browser` installs it); Playwright's own browser
download is never used.
"""

import json
import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results" / "browser"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # The test viewers have nobody to click "play" for them; people get a button instead.
    "--autoplay-policy=no-user-gesture-required",
    # Voice chat: a fake microphone and camera (a tone and a test pattern), permission granted.
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (each test opens its own contexts)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `make browser` (Debian's chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def site_url(app, live_server, monkeypatch):
    """Links the server builds (avatars, media, invites) point at the live test server."""
    monkeypatch.setitem(app.config, "FRONTEND_URL", live_server.url)
    return live_server.url


@pytest.fixture
def artifacts():
    """The folder screenshots are kept in (test-results/browser/, ignored by git)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


class Viewer:
    """One person in their own browser context (own storage, own cookies, own sockets)."""

    def __init__(self, context, page, base_url: str) -> None:
        self.context, self.page, self.base_url = context, page, base_url
        self.console: list[str] = []
        page.on("console", lambda msg: self.console.append(f"{msg.type}: {msg.text}"))
        page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))

    def open(self, path: str = "/") -> "Viewer":
        """Navigate to a client path and wait for the app's first render."""
        self.page.goto(self.base_url + path)
        return self

    def errors(self) -> list[str]:
        """Uncaught page errors seen so far."""
        return [line for line in self.console if line.startswith("pageerror")]


@pytest.fixture
def viewers(browser, live_server, users):
    """`viewers(user=None, viewport=None, touch=False)`: a new browser context, signed in as
    `user` if given; `touch` makes it a touch screen (no hover), like a phone's.

    Signing in here stores a real sign-in's tokens where the client keeps its session
    (localStorage, once per context); the sign-in form itself is exercised by the account tests.
    """
    opened = []

    def open_viewer(user=None, viewport=None, touch=False) -> Viewer:
        options = {"base_url": live_server.url, "has_touch": touch, "is_mobile": touch}
        if viewport:
            options["viewport"] = viewport
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        if user is not None:
            body = users.login(user)
            keep = ("access_token", "refresh_token", "user")
            stored = json.dumps(json.dumps({key: body[key] for key in keep}))
            script = (
                "if (!localStorage.getItem('watchparty.session'))"
                f" localStorage.setItem('watchparty.session', {stored})"
            )
            context.add_init_script(script)
        viewer = Viewer(context, context.new_page(), live_server.url)
        opened.append(viewer)
        return viewer

    yield open_viewer
    for viewer in opened:
        viewer.context.close()


@pytest.fixture
def watch_party(app, users, clips):
    """A public party playing a real HLS ladder (ffmpeg-transcoded 20 s clip): host and guest.

    Returns a dict {party_id, host, guest, video_id, room_code}; both are active members.
    """
    from tests.videos.factories import ready_video

    client = app.test_client()
    host = users.create(first_name="Hana", last_name="Host")
    guest = users.create(first_name="Gus", last_name="Guest")
    clip = clips("party.mp4", seconds=20, size="640x360")
    video = ready_video(host, clip, title="Party clip", duration=20.0)
    body = {"title": "Movie night", "video_id": str(video.id), "visibility": "public"}
    response = client.post("/api/parties/", json=body, headers=users.session_headers(host))
    assert response.status_code == 201, response.get_json()
    party = response.get_json()
    joined = client.post(f"/api/parties/{party['id']}/join/", headers=users.session_headers(guest))
    assert joined.status_code in (200, 201), joined.get_json()
    return {
        "party_id": party["id"],
        "room_code": party["room_code"],
        "video_id": str(video.id),
        "host": host,
        "guest": guest,
    }


@pytest.fixture
def room(viewers, watch_party):
    """The host (desktop) and the guest (phone) in the party room, chat and polls joined."""
    from tests.web.social_helpers import PHONE, enter_room

    party_id = watch_party["party_id"]
    host = enter_room(viewers, watch_party["host"], party_id)
    guest = enter_room(viewers, watch_party["guest"], party_id, viewport=PHONE)
    yield host, guest
    assert host.errors() == []
    assert guest.errors() == []


def pytest_collection_modifyitems(config, items):
    """Mark every test that opens a browser `browser` (make test runs them in one pass only)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
