"""Voice fixtures: a party with a host, a moderator, a member and an outsider; /rtc sockets."""

import time

import pytest

from tests.crowd import make_crowd

TURN_SECRET = "test-turn-secret"


@pytest.fixture
def crowd(users, parties):
    """Host, moderator, participant and outsider of one public party."""
    return make_crowd(users, parties)


@pytest.fixture
def rtc(sockets):
    """`rtc(user)`: an /rtc socket; `rtc(user, party)` has also joined the party's voice."""

    def connect(user, party=None, **flags):
        socket = sockets(user, "/rtc")
        if party is not None:
            ack = socket.call("join", {"party_id": str(party.id), **flags})
            assert ack["ok"] is True, ack
        return socket

    return connect


@pytest.fixture
def config(app):
    """Change app settings for one test (the live server shares the app); restored after."""
    saved: dict = {}

    def change(**values):
        for key, value in values.items():
            saved.setdefault(key, app.config.get(key))
            app.config[key] = value

    yield change
    app.config.update(saved)


@pytest.fixture
def turn(config):
    """TURN settings for one test: the coturn that scripts/test-services.sh starts on loopback
    (127.0.0.1:3478, `static-auth-secret` TURN_SECRET), with TURN_TTL one hour."""
    settings = {
        "TURN_SECRET": TURN_SECRET,
        "TURN_URLS": ["turn:127.0.0.1:3478?transport=udp", "turn:127.0.0.1:3478?transport=tcp"],
        "TURN_TTL": 3600,
    }
    config(**settings)
    return settings


def eventually(check, timeout: float = 5):
    """Poll `check()` until it is truthy (a socket's disconnect is handled off the test's
    thread); its last value."""
    deadline = time.monotonic() + timeout
    while not (value := check()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return value
