"""GET /api/health/: database, Redis and queue depth; 503 (never a stack trace) when one is down."""

import pytest

from tests import conftest
from tests.conftest import REDIS_URL
from tests.separate_app import separate_app
from watchparty.jobs import QUEUES, jobs

HEALTH_KEYS = {"status", "services", "queues", "timestamp"}
CLOSED_REDIS = "redis://127.0.0.1:1/0"
CLOSED_POSTGRES = "postgresql+psycopg2://postgres@127.0.0.1:1/watchparty"


@pytest.fixture
def base_config(tmp_path_factory, smtp) -> dict:
    """The main test app's settings, for building a variant of it."""
    return conftest.make_test_config(tmp_path_factory, smtp)


def health_of(app):
    response = app.test_client().get("/api/health/")
    return response, response.get_json()


def assert_no_internals(response) -> None:
    text = response.get_data(as_text=True)
    for leak in ("Traceback", "psycopg2", "SELECT", "Error 111", "Connection refused", 'File "'):
        assert leak not in text


def test_healthy_service_reports_each_dependency(client):
    response = client.get("/api/health/")
    body = response.get_json()
    assert response.status_code == 200, body
    assert set(body) == HEALTH_KEYS
    assert body["status"] == "healthy" and body["timestamp"].endswith("Z")
    assert body["services"]["database"] == "healthy"
    assert body["services"]["redis"] == ("healthy" if REDIS_URL else "embedded")
    assert set(QUEUES) <= set(body["queues"])
    assert all(isinstance(n, int) and n >= 0 for n in body["queues"].values())


@pytest.mark.skipif(not REDIS_URL, reason="queue depth is a Redis (RQ) figure")
def test_queue_depth_counts_waiting_jobs(client):
    jobs.enqueue("default", "watchparty.mail.service.deliver", {})
    jobs.enqueue("default", "watchparty.mail.service.deliver", {})
    body = client.get("/api/health/").get_json()
    assert body["queues"]["default"] == 2 and body["queues"]["email"] == 0


def test_redis_down_is_503_in_the_health_shape(base_config):
    overrides = {"REDIS_URL": CLOSED_REDIS, "RATELIMIT_STORAGE_URI": "memory://"}
    with separate_app(base_config, **overrides) as app:
        response, body = health_of(app)
    assert response.status_code == 503
    assert set(body) == HEALTH_KEYS
    assert body["status"] == "unhealthy"
    assert body["services"] == {"database": "healthy", "redis": "unhealthy"}
    assert body["queues"] == {}
    assert_no_internals(response)


def test_database_down_is_503_in_the_health_shape(base_config):
    with separate_app(base_config, SQLALCHEMY_DATABASE_URI=CLOSED_POSTGRES) as app:
        response, body = health_of(app)
    assert response.status_code == 503
    assert set(body) == HEALTH_KEYS
    assert body["status"] == "unhealthy"
    assert body["services"]["database"] == "unhealthy"
    assert body["services"]["redis"] == ("healthy" if REDIS_URL else "embedded")
    assert_no_internals(response)


def test_everything_down_is_503(base_config):
    overrides = {
        "SQLALCHEMY_DATABASE_URI": CLOSED_POSTGRES,
        "REDIS_URL": CLOSED_REDIS,
        "RATELIMIT_STORAGE_URI": "memory://",
    }
    with separate_app(base_config, **overrides) as app:
        response, body = health_of(app)
    assert response.status_code == 503
    assert body["services"] == {"database": "unhealthy", "redis": "unhealthy"}
    assert_no_internals(response)


def test_main_app_is_unaffected_by_a_broken_variant(client, base_config):
    with separate_app(base_config, REDIS_URL=CLOSED_REDIS, RATELIMIT_STORAGE_URI="memory://"):
        pass
    assert client.get("/api/health/").status_code == 200
