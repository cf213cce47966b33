"""The staff health pages: a fast check, the detailed status, host metrics, and the seed's
system-health summary. They answer 200 whatever they find (the body says what is wrong);
the public /api/health/ is the one a load balancer reads (503 when a dependency is down)."""

import os
import time

import psutil
from flask import current_app
from sqlalchemy import func, select

from watchparty.admin import health_probes as probes
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.live import process_connections
from watchparty.live.state import PROCESS_ID
from watchparty.parties.models import LIVE, Party

STARTED = time.time()
REQUIRED = ("database", "redis", "storage")  # down: the site is down; the rest degrade it
_process = psutil.Process()
psutil.cpu_percent(None)  # the first reading of a counter is 0.0: prime it at start-up
_process.cpu_percent(None)


def check() -> dict:
    """Fast: this process answers (no dependency is asked)."""
    uptime = round(time.time() - STARTED, 1)
    return {"status": "ok", "process": PROCESS_ID, "uptime_seconds": uptime, "timestamp": utcnow()}


def _services() -> tuple[dict, dict]:
    """(every probe's result, the queue figures)."""
    queues = _queues()
    services = {
        "database": probes.database(),
        "redis": probes.redis(),
        "queue": _queue_service(queues),
        "storage": probes.storage_probe(),
        "stripe": probes.stripe(),
    }
    return services, queues


def _queues() -> dict:
    try:
        return probes.queues()
    except Exception as exc:  # Redis went away between the probes
        current_app.logger.warning("health: queue figures failed: %s", exc)
        return {"mode": "rq", "queues": {}, "workers": [], "workers_alive": 0, "error": str(exc)}


def _queue_service(queues: dict) -> dict:
    """The job runner: RQ needs at least one live worker; embedded runs jobs in-process."""
    if queues["mode"] == "in_process":
        detail = "embedded: jobs run in-process, no worker needed"
        return {"status": probes.HEALTHY, "latency_ms": None, "detail": detail}
    alive = queues.get("workers_alive") or 0
    status = probes.HEALTHY if alive else probes.UNHEALTHY
    detail = queues.get("error") or f"rq: {alive} worker(s) alive"
    return {"status": status, "latency_ms": None, "detail": detail}


def overall(services: dict) -> str:
    """healthy; degraded (an optional part is down); unhealthy (a required one is)."""
    down = {name for name, probe in services.items() if probe["status"] == probes.UNHEALTHY}
    if down & set(REQUIRED):
        return "unhealthy"
    return "degraded" if down else "healthy"


def live_parties() -> int:
    """Parties playing now."""
    return db.session.scalar(select(func.count()).select_from(Party).where(Party.status == LIVE))


def _disk_path() -> str:
    root = current_app.config.get("MEDIA_ROOT") or current_app.instance_path
    while root and not os.path.exists(root):
        root = os.path.dirname(root)
    return root or "/"


def host_metrics() -> dict:
    """CPU, memory and disk use of the host (percent), and this process's own figures."""
    with _process.oneshot():
        memory = _process.memory_info()
        process = {
            "pid": _process.pid,
            "id": PROCESS_ID,
            "cpu_percent": _process.cpu_percent(None),
            "memory_rss_bytes": memory.rss,
            "threads": _process.num_threads(),
            "open_files": _process.num_fds() if hasattr(_process, "num_fds") else None,
            "uptime_seconds": round(time.time() - STARTED, 1),
        }
    return {
        "cpu_usage": psutil.cpu_percent(None),
        "memory_usage": psutil.virtual_memory().percent,
        "disk_usage": psutil.disk_usage(_disk_path()).percent,
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "cpu_count": psutil.cpu_count(),
        "process": process,
    }


def connections() -> dict:
    """Socket.IO connections: this process's by namespace, and every live process's total."""
    rows = process_connections.per_process()
    return {
        "this_process": process_connections.here(),
        "processes": rows,
        "total": sum(row["connections"] for row in rows),
    }


def status() -> dict:
    """Everything: services with latencies, queues and workers, connections, live parties."""
    services, queues = _services()
    return {
        "status": overall(services),
        "services": services,
        "queues": queues,
        "connections": connections(),
        "live_parties": live_parties(),
        "metrics": host_metrics(),
        "timestamp": utcnow(),
    }


def metrics() -> dict:
    """Host and process figures, connections and live parties (no dependency probe)."""
    return {
        "metrics": host_metrics(),
        "connections": connections(),
        "live_parties": live_parties(),
        "timestamp": utcnow(),
    }


def system_health() -> dict:
    """Seed 003's SystemHealth: each service as one word, host metrics, plus the details.

    The seed's `celery` is this server's RQ job runner: it is reported as `queue`."""
    services, queues = _services()
    host = host_metrics()
    return {
        "status": overall(services),
        "services": {name: probe["status"] for name, probe in services.items()},
        "metrics": {key: host[key] for key in ("cpu_usage", "memory_usage", "disk_usage")},
        "queues": queues,
        "connections": connections(),
        "live_parties": live_parties(),
        "notes": {"queue": "RQ workers (seed 003 names it celery); in-process when embedded"},
        "timestamp": utcnow(),
    }
