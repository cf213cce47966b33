"""Staff health views (seed 003's Health & Monitoring and system-health), admins only."""

from watchparty.admin import health
from watchparty.admin.health_schemas import (
    HealthCheckSchema,
    HealthMetricsSchema,
    HealthStatusSchema,
    SystemHealthSchema,
)
from watchparty.common.auth import admin_required
from watchparty.common.blueprint import Blueprint

blp = Blueprint("admin_health", __name__, description="Admin: health and metrics")


@blp.get("/health/check/")
@admin_required
@blp.response(200, HealthCheckSchema)
def health_check():
    """Fast check: this process answers (no dependency is asked)."""
    return health.check()


@blp.get("/health/status/")
@admin_required
@blp.response(200, HealthStatusSchema)
def health_status():
    """Every dependency with its latency, the queues and workers, connections, live parties."""
    return health.status()


@blp.get("/health/metrics/")
@admin_required
@blp.response(200, HealthMetricsSchema)
def health_metrics():
    """CPU, memory and disk use; this process's figures; connections; live parties."""
    return health.metrics()


@blp.get("/system-health/")
@admin_required
@blp.response(200, SystemHealthSchema)
def system_health():
    """Seed 003's summary: each service as one word (`queue` is RQ, the seed's celery)."""
    return health.system_health()
