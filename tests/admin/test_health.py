"""The staff health pages against the real database, Redis and storage (or embedded mode)."""

import pytest

from tests.conftest import REDIS_URL
from tests.factories import PartyFactory
from tests.videos.conftest import moto_server, s3  # noqa: F401 - fixtures
from watchparty.extensions import db
from watchparty.jobs import QUEUES
from watchparty.parties.models import LIVE


def test_the_fast_check_says_ok(client, admin_headers):
    body = client.get("/api/admin/health/check/", headers=admin_headers).get_json()
    assert body["status"] == "ok"
    assert body["uptime_seconds"] >= 0 and body["process"]


def test_system_health_has_the_seed_shape_with_the_queue_as_rq(client, admin_headers):
    response = client.get("/api/admin/system-health/", headers=admin_headers)
    body = response.get_json()
    assert response.status_code == 200, body
    assert set(body["services"]) == {"database", "redis", "queue", "storage", "stripe"}
    assert body["services"]["database"] == "healthy"
    assert body["services"]["storage"] == "healthy"
    assert body["services"]["stripe"] == "not_configured"
    assert "celery" in body["notes"]["queue"]
    for key in ("cpu_usage", "memory_usage", "disk_usage"):
        assert 0 <= body["metrics"][key] <= 100
    assert set(body["queues"]["queues"]) == set(QUEUES)


@pytest.mark.skipif(not REDIS_URL, reason="needs Redis")
def test_with_redis_the_queues_show_rq_and_no_worker_means_unhealthy(client, admin_headers):
    body = client.get("/api/admin/health/status/", headers=admin_headers).get_json()
    assert body["services"]["redis"]["status"] == "healthy"
    assert body["services"]["redis"]["latency_ms"] >= 0
    assert body["queues"]["mode"] == "rq"
    assert body["queues"]["workers_alive"] == 0
    assert body["services"]["queue"]["status"] == "unhealthy"
    assert body["status"] == "degraded"  # no worker: jobs wait, the site still answers


@pytest.mark.skipif(bool(REDIS_URL), reason="embedded mode only")
def test_embedded_mode_reports_redis_not_configured_and_jobs_in_process(client, admin_headers):
    body = client.get("/api/admin/health/status/", headers=admin_headers).get_json()
    assert body["services"]["redis"]["status"] == "not_configured"
    assert body["services"]["queue"]["status"] == "healthy"
    assert body["queues"]["mode"] == "in_process"
    assert body["status"] == "healthy"
    summary = client.get("/api/admin/system-health/", headers=admin_headers).get_json()
    assert (summary["status"], summary["services"]["redis"]) == ("healthy", "not_configured")


def test_status_counts_failed_jobs_of_a_queue(client, admin_headers, app):
    if not REDIS_URL:
        pytest.skip("failed jobs are kept by RQ only")
    from rq.registry import FailedJobRegistry

    from watchparty.jobs import jobs

    queue = jobs.queue("default")
    job = queue.enqueue("tests.sample_jobs.explode")
    FailedJobRegistry(queue=queue).add(job, ttl=60, exc_string="boom")
    body = client.get("/api/admin/health/status/", headers=admin_headers).get_json()
    assert body["queues"]["queues"]["default"]["failed"] == 1
    assert body["queues"]["queues"]["default"]["depth"] >= 0


def test_live_parties_are_counted(client, admin_headers, users):
    host = users.create()
    PartyFactory().create(host, status=LIVE)
    PartyFactory().create(host)
    db.session.commit()
    body = client.get("/api/admin/health/metrics/", headers=admin_headers).get_json()
    assert body["live_parties"] == 1
    assert body["metrics"]["process"]["memory_rss_bytes"] > 0


def test_stripe_is_probed_when_configured(client, admin_headers, app, monkeypatch):
    monkeypatch.setitem(app.config, "STRIPE_SECRET_KEY", "sk_test_nowhere")
    monkeypatch.setitem(app.config, "STRIPE_API_BASE", "http://127.0.0.1:9")  # nothing listens
    monkeypatch.setitem(app.config, "HEALTH_TIMEOUT", 0.5)
    body = client.get("/api/admin/health/status/", headers=admin_headers).get_json()
    assert body["services"]["stripe"]["status"] == "unhealthy"
    assert body["services"]["stripe"]["detail"]
    assert body["status"] == "degraded"


def test_socket_connections_are_counted_per_process(client, admin_headers, sockets, users):
    socket = sockets(users.create(), "/notifications")
    socket.wait_for("unread_count")
    body = client.get("/api/admin/health/status/", headers=admin_headers).get_json()
    mine = [row for row in body["connections"]["processes"] if row["this_process"]]
    assert mine and mine[0]["namespaces"].get("/notifications", 0) >= 1
    assert body["connections"]["total"] >= 1


def test_storage_on_s3_is_reached_and_a_missing_bucket_is_unhealthy(
    request, client, admin_headers, monkeypatch
):
    store = request.getfixturevalue("s3")
    body = client.get("/api/admin/health/status/", headers=admin_headers).get_json()
    assert body["services"]["storage"]["status"] == "healthy"
    assert "s3 bucket" in body["services"]["storage"]["detail"]
    monkeypatch.setattr(store, "bucket", "no-such-bucket")
    body = client.get("/api/admin/health/status/", headers=admin_headers).get_json()
    assert body["services"]["storage"]["status"] == "unhealthy"
    assert body["status"] == "unhealthy"
