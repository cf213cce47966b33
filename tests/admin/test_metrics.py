"""GET /metrics: Prometheus text behind METRICS_TOKEN, with the four families of metrics."""

import pytest

from tests.helpers import assert_error

TOKEN = "metrics-token-for-tests"


@pytest.fixture
def token(app, monkeypatch):
    monkeypatch.setitem(app.config, "METRICS_TOKEN", TOKEN)
    return TOKEN


def _scrape(client, **kwargs) -> str:
    response = client.get("/metrics", **kwargs)
    assert response.status_code == 200, response.data[:300]
    assert response.content_type.startswith("text/plain")
    return response.get_data(as_text=True)


def test_without_a_configured_token_there_is_no_metrics_endpoint(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "METRICS_TOKEN", None)
    assert_error(client.get("/metrics"), 404)
    assert_error(client.get("/metrics?token="), 404)


def test_a_missing_or_wrong_token_is_refused(client, token):
    assert_error(client.get("/metrics"), 401)
    assert_error(client.get("/metrics?token=nope"), 401)
    assert_error(client.get("/metrics", headers={"Authorization": "Bearer nope"}), 401)


def test_the_token_opens_it_as_a_bearer_or_in_the_query(client, token):
    assert "watchparty_http_request_duration_seconds" in _scrape(
        client, query_string={"token": token}
    )
    text = _scrape(client, headers={"Authorization": f"Bearer {token}"})
    assert "# TYPE watchparty_http_request_duration_seconds histogram" in text


def test_a_request_shows_in_the_latency_histogram_by_endpoint_method_and_status(client, token):
    client.get("/api/test/")
    client.get("/api/no-such-path/")
    text = _scrape(client, query_string={"token": token})
    assert (
        'watchparty_http_request_duration_seconds_count{endpoint="meta.test",method="GET",'
        'status="200"}' in text
    )
    assert 'endpoint="unmatched",method="GET",status="404"' in text


def test_socket_events_are_counted(client, token, sockets, users):
    socket = sockets(users.create(), "/notifications")
    socket.wait_for("unread_count")
    socket.call("mark_read", {})
    text = _scrape(client, query_string={"token": token})
    assert 'watchparty_socket_events_total{event="connect",namespace="/notifications"}' in text
    assert 'watchparty_socket_events_total{event="mark_read",namespace="/notifications"}' in text


def test_job_durations_are_recorded(client, token, users, run_jobs):
    from watchparty.jobs import jobs

    jobs.enqueue("default", "tests.sample_jobs.record_note", str(users.create().id), "hi")
    run_jobs()
    text = _scrape(client, query_string={"token": token})
    assert 'job="tests.sample_jobs.record_note",outcome="ok"' in text
    assert "watchparty_job_duration_seconds_bucket" in text


def test_notification_deliveries_are_counted(client, token, users, run_jobs, smtp):
    from watchparty.common.notify import notify

    user = users.create()
    notify(user.id, "support_reply", "A reply", "We answered your ticket.")
    run_jobs()
    text = _scrape(client, query_string={"token": token})
    assert 'watchparty_notification_deliveries_total{channel="email",status="sent"}' in text
