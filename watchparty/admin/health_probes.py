"""One probe per dependency of the service, each answering {status, latency_ms, detail}.

`status` is healthy, unhealthy or not_configured (an optional dependency this server runs
without: Redis in embedded mode, Stripe without keys). Probes never raise: a failure is a
finding, logged and shown, never a 500 of the health page itself.
"""

import logging
import os
import time

import boto3
import requests
from botocore.config import Config as BotoConfig
from flask import current_app
from rq import Worker
from rq.registry import FailedJobRegistry, StartedJobRegistry
from sqlalchemy import text

from watchparty.extensions import db
from watchparty.jobs import QUEUES, jobs
from watchparty.storage import S3Storage, storage

log = logging.getLogger(__name__)
HEALTHY, UNHEALTHY, NOT_CONFIGURED = "healthy", "unhealthy", "not_configured"
STRIPE_API = "https://api.stripe.com"


def _timed(name: str, fn) -> dict:
    """Run probe `fn` (returns a detail string or None); time it and catch its failure."""
    started = time.perf_counter()
    try:
        detail, status = fn(), HEALTHY
    except Exception as exc:  # any failure of a dependency is the finding itself
        if name == "database":
            db.session.rollback()
        log.warning("health: %s probe failed: %s", name, exc)
        detail, status = f"{type(exc).__name__}: {exc}"[:300], UNHEALTHY
    latency = round((time.perf_counter() - started) * 1000, 1)
    return {"status": status, "latency_ms": latency, "detail": detail}


def _not_configured(detail: str) -> dict:
    return {"status": NOT_CONFIGURED, "latency_ms": None, "detail": detail}


def database() -> dict:
    """One round trip to the database."""

    def select_one() -> str:
        db.session.execute(text("SELECT 1"))
        return db.engine.name

    return _timed("database", select_one)


def redis() -> dict:
    """PING the Redis behind the queues (embedded mode has none)."""
    if jobs.redis is None:
        return _not_configured("embedded mode: no REDIS_URL, jobs and live state in-process")

    def ping() -> None:
        jobs.redis.ping()

    return _timed("redis", ping)


def storage_probe() -> dict:
    """Reach the bucket (a short-timeout HEAD) or check the media folder is writable."""
    store = storage()
    timeout = current_app.config["HEALTH_TIMEOUT"]
    if isinstance(store, S3Storage):

        def head() -> str:
            config = current_app.config
            client = boto3.client(
                "s3",
                endpoint_url=config.get("S3_ENDPOINT_URL"),
                region_name=config.get("AWS_REGION"),
                aws_access_key_id=config.get("AWS_ACCESS_KEY_ID"),
                aws_secret_access_key=config.get("AWS_SECRET_ACCESS_KEY"),
                config=BotoConfig(
                    connect_timeout=timeout, read_timeout=timeout, retries={"max_attempts": 1}
                ),
            )
            client.head_bucket(Bucket=store.bucket)
            return f"s3 bucket {store.bucket}"

        return _timed("storage", head)

    def writable() -> str:
        root = store.root
        root.mkdir(parents=True, exist_ok=True)
        if not os.access(root, os.W_OK):
            raise PermissionError(f"{root} is not writable")
        return "local folder"

    return _timed("storage", writable)


def stripe() -> dict:
    """Reach the Stripe API (or its emulator) with the configured key, within the timeout."""
    config = current_app.config
    key = config.get("STRIPE_SECRET_KEY")
    if not key:
        return _not_configured("no STRIPE_SECRET_KEY: billing is off")
    base = (config.get("STRIPE_API_BASE") or STRIPE_API).rstrip("/")

    def call() -> str:
        response = requests.get(
            f"{base}/v1/customers",
            params={"limit": 1},
            auth=(key, ""),
            timeout=config["HEALTH_TIMEOUT"],
        )
        if response.status_code >= 500 or response.status_code in (401, 403):
            raise RuntimeError(f"Stripe answered {response.status_code}")
        return "emulator" if config.get("STRIPE_API_BASE") else "api.stripe.com"

    return _timed("stripe", call)


def queues() -> dict:
    """Per queue: jobs waiting, running and failed; the workers and how many are alive."""
    if jobs.redis is None:
        depth = jobs.depth()
        rows = {name: {"depth": depth[name], "started": 0, "failed": 0} for name in QUEUES}
        running = depth.get("in_process", 0)
        return {
            "mode": "in_process",
            "queues": rows,
            "workers": [],
            "workers_alive": None,
            "in_process_running": running,
        }
    rows = {}
    for name in QUEUES:
        queue = jobs.queue(name)
        rows[name] = {
            "depth": queue.count,
            "started": StartedJobRegistry(queue=queue).count,
            "failed": FailedJobRegistry(queue=queue).count,
        }
    workers = [
        {
            "name": worker.name,
            "state": getattr(worker.get_state(), "value", str(worker.get_state())),
            "queues": worker.queue_names(),
            "last_heartbeat": worker.last_heartbeat,
        }
        for worker in Worker.all(connection=jobs.redis)
    ]
    return {
        "mode": "rq",
        "queues": rows,
        "workers": workers,
        "workers_alive": len(workers),
        "in_process_running": 0,
    }
