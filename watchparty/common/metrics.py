"""Prometheus metrics of every process: declared once here, incremented where things happen.

Request latency (installed on the app by the factory), socket events (live/sockets.py),
notification deliveries (notifications/delivery.py) and job durations (workers and the
in-process runner). `/metrics` (admin/metrics.py) renders them.

Each process has its own registry. With PROMETHEUS_MULTIPROC_DIR set in the environment of
every web process and worker (one empty folder on the machine, emptied at deploy), the client
writes its values there and `/metrics` adds up every process's; without it a scrape shows the
answering process only. The environment variable must be set before the process starts: the
client chooses its storage when it is imported.
"""

import os
import time

from flask import Flask, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client import multiprocess as _multiprocess

REQUEST_LATENCY = Histogram(
    "watchparty_http_request_duration_seconds",
    "Time to answer an HTTP request, by endpoint, method and status.",
    ["endpoint", "method", "status"],
)
SOCKET_EVENTS = Counter(
    "watchparty_socket_events_total",
    "Socket.IO events handled, by namespace and event (connect and disconnect included).",
    ["namespace", "event"],
)
DELIVERIES = Counter(
    "watchparty_notification_deliveries_total",
    "Notification deliveries finished, by channel and outcome (sent or failed).",
    ["channel", "status"],
)
JOB_DURATION = Histogram(
    "watchparty_job_duration_seconds",
    "Time a background job ran, by queue, job and outcome (ok or failed).",
    ["queue", "job", "outcome"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600),
)
UNMATCHED = "unmatched"  # requests no route matched: one label, not one per probed path


def multiprocess_dir() -> str | None:
    """The folder the processes share their values through, when multiprocess mode is on."""
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR")


def render() -> tuple[bytes, str]:
    """The text exposition of every metric (all processes' in multiprocess mode)."""
    if multiprocess_dir():
        registry = CollectorRegistry()
        _multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST


def register_request_metrics(app: Flask) -> None:
    """Time every request and count it by endpoint (the route's name), method and status."""

    @app.before_request
    def start_timer():
        g.metrics_started = time.perf_counter()

    @app.after_request
    def observe(response):
        started = g.pop("metrics_started", None)
        if started is not None:
            REQUEST_LATENCY.labels(
                request.endpoint or UNMATCHED, request.method, str(response.status_code)
            ).observe(time.perf_counter() - started)
        return response


def socket_event(namespace: str, event: str) -> None:
    """Count one Socket.IO event."""
    SOCKET_EVENTS.labels(namespace, event).inc()


def delivery_finished(channel: str, status: str) -> None:
    """Count one delivery that reached a final or retryable outcome."""
    DELIVERIES.labels(channel, status).inc()


def job_ran(queue: str, name: str, seconds: float, ok: bool) -> None:
    """Record one job run's duration."""
    JOB_DURATION.labels(queue, name, "ok" if ok else "failed").observe(seconds)
