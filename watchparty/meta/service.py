"""Health of the service's dependencies."""

from flask import current_app
from sqlalchemy import text

from watchparty.common.types import iso, utcnow
from watchparty.extensions import db
from watchparty.jobs import jobs

SECTIONS = (
    "authentication:auth",
    "users",
    "videos",
    "parties",
    "chat",
    "billing",
    "analytics",
    "notifications",
    "integrations",
    "interactive",
    "moderation",
    "store",
    "search",
    "social",
    "messaging",
    "support",
    "mobile",
    "admin",
)


def endpoint_map() -> dict:
    """The API root document: where each area of the API lives."""
    endpoints = {}
    for section in SECTIONS:
        name, _, path = section.partition(":")
        endpoints[name] = f"/api/{path or name}/"
    endpoints |= {"documentation": "/api/docs/", "schema": "/api/schema/", "health": "/api/health/"}
    return {"message": "Watch Party API", "version": "1.0", "endpoints": endpoints}


def _check_database() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        return "healthy"
    except Exception as exc:  # any driver error means unhealthy
        db.session.rollback()
        current_app.logger.warning("health: database check failed: %s", exc)
        return "unhealthy"


def _check_redis() -> str:
    if jobs.redis is None:
        return "embedded"
    try:
        jobs.redis.ping()
        return "healthy"
    except Exception as exc:  # connection refused, timeout, auth
        current_app.logger.warning("health: redis check failed: %s", exc)
        return "unhealthy"


def health() -> tuple[dict, int]:
    """Database, Redis and queue depth; 503 when any dependency is down."""
    services = {"database": _check_database(), "redis": _check_redis()}
    queues = jobs.depth() if services["redis"] != "unhealthy" else {}
    healthy = "unhealthy" not in services.values()
    body = {
        "status": "healthy" if healthy else "unhealthy",
        "services": services,
        "queues": queues,
        "timestamp": iso(utcnow()),
    }
    return body, 200 if healthy else 503
