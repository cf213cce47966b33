"""Fixtures: a real database (PostgreSQL or embedded SQLite), real Redis, a real SMTP server."""

import os

import pytest
from redis import Redis
from sqlalchemy import exists, literal, select, union_all

from tests import media_server
from tests.factories import PartyFactory, UserFactory
from tests.live import LiveServer, Socket
from tests.smtp import SmtpSink
from tests.videos.clips import make_clip
from watchparty import create_app
from watchparty.config import database_url
from watchparty.extensions import db, limiter
from watchparty.jobs import QUEUES, jobs
from watchparty.site import settings as site_settings

DATABASE_URL = os.environ.get("TEST_DATABASE_URL")  # e.g. postgresql://postgres@127.0.0.1/test
REDIS_URL = os.environ.get("TEST_REDIS_URL")  # e.g. redis://127.0.0.1:6379/15


@pytest.fixture(scope="session")
def smtp():
    """A real SMTP server (aiosmtpd) on loopback that keeps what it receives."""
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


def make_test_config(tmp_path_factory, smtp, **overrides) -> dict:
    """Settings for a test app: real services from the environment, temp folders for files."""
    tmp = tmp_path_factory.mktemp("instance")
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "JWT_SECRET_KEY": "test-jwt-secret-key-that-is-long-enough-0123456789",
        "ASYNC_MODE": "threading",
        "SQLALCHEMY_DATABASE_URI": database_url(DATABASE_URL or f"sqlite:///{tmp / 'test.db'}"),
        "REDIS_URL": REDIS_URL,
        "RATELIMIT_STORAGE_URI": REDIS_URL or "memory://",
        "MAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
        "MAIL_DIR": str(tmp / "mail"),
        "MEDIA_ROOT": str(tmp / "media"),
        "INSTANCE_PATH": str(tmp),
        "FRONTEND_URL": "http://localhost:5000",
    }
    config.update(overrides)
    return config


@pytest.fixture(scope="session")
def app(tmp_path_factory, smtp):
    """The app under test, with a fresh schema."""
    application = create_app(make_test_config(tmp_path_factory, smtp))
    with application.app_context():
        db.drop_all()
        db.create_all()
    yield application
    with application.app_context():
        db.session.remove()
        db.drop_all()


def _wipe(app) -> None:
    with app.app_context():
        db.session.remove()
        tables = list(reversed(db.metadata.sorted_tables))  # children before parents
        # Empty only the tables that hold rows (one probe query): TRUNCATE of every table cost
        # about 0.2 s a test on PostgreSQL, however little there was to remove.
        probe = union_all(*(select(literal(t.name)).where(exists().select_from(t)) for t in tables))
        full = set(db.session.scalars(probe))
        for table in tables:
            if table.name in full:
                db.session.execute(table.delete())
        db.session.commit()
    if REDIS_URL:
        Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture(autouse=True)
def clean(app, smtp):
    """Every test starts with empty tables, an empty Redis, no rate-limit counts, no mail."""
    _wipe(app)
    with app.app_context():
        limiter.reset()
    site_settings.forget_cache()
    smtp.clear()
    ctx = app.app_context()
    ctx.push()
    yield
    jobs.wait_in_process()  # a job a test started must not run on into the next test's rows
    db.session.remove()
    ctx.pop()


@pytest.fixture
def client(app):
    """An HTTP test client."""
    return app.test_client()


@pytest.fixture
def run_jobs(app):
    """Run queued jobs to completion: a real RQ worker in burst mode, or the in-process runner."""

    def run() -> None:
        if REDIS_URL:
            from workers.context import AppWorker

            worker = AppWorker(list(QUEUES), connection=Redis.from_url(REDIS_URL), flask_app=app)
            worker.work(burst=True)
        else:
            jobs.wait_in_process()
        db.session.expire_all()

    return run


@pytest.fixture
def users(app):
    """Factory for users with known passwords, and their tokens."""
    return UserFactory(app)


@pytest.fixture
def parties(app):
    """Factory for stored parties and their members (see tests/factories.py)."""
    return PartyFactory()


@pytest.fixture
def signin(users):
    """Open a real session for a user; returns its tokens (access, refresh, session_id)."""
    return users.session


@pytest.fixture
def auth(users):
    """Authorization headers for a freshly signed-in user."""
    return users.session_headers


@pytest.fixture
def me(users):
    """A signed-in user and their headers."""
    user = users.create(first_name="Ada", last_name="Lovelace")
    return user, users.session_headers(user)


@pytest.fixture(scope="session")
def live_server(app):
    """The test app on a real threaded HTTP server (Socket.IO over WebSocket included)."""
    server = LiveServer(app).start()
    yield server
    server.stop()


@pytest.fixture
def sockets(live_server, users):
    """Open real Socket.IO client connections: `sockets(user, "/party")`; closed after the test."""
    opened: list[Socket] = []

    def connect(user, namespace: str, token: str | None = None) -> Socket:
        if token is None and user is not None:
            token = users.session(user)["access_token"]
        socket = Socket(live_server.url, namespace, token)
        opened.append(socket)
        return socket

    yield connect
    for socket in opened:
        socket.client.disconnect()


@pytest.fixture(scope="session")
def clips(tmp_path_factory):
    """`clips(name, **make_clip options)`: a clip made by real ffmpeg once per session."""
    folder = tmp_path_factory.mktemp("clips")
    made: dict = {}

    def clip(name: str = "720p.mp4", **options):
        key = (name, tuple(sorted(options.items())))
        if key not in made:
            container = name.rsplit(".", 1)[-1]
            made[key] = make_clip(
                folder / name, container=options.pop("container", container), **options
            )
        return made[key]

    return clip


@pytest.fixture(scope="session")
def media(clips):
    """The loopback media server (tests/media_server.py): `media.url("/clip.mp4")`."""
    handle = media_server.start(clips("probe.mp4", seconds=2, size="320x240").read_bytes())
    yield handle
    handle.stop()


@pytest.fixture
def allow_private(app, media):
    """Let the app's media probe reach the loopback media server, for one test."""
    media.seen.clear()
    app.config["MEDIA_URL_ALLOW_PRIVATE"] = True
    yield media
    app.config["MEDIA_URL_ALLOW_PRIVATE"] = False
