"""GET /metrics: the Prometheus text exposition, for a scraper holding METRICS_TOKEN.

The token comes as `Authorization: Bearer <token>` or `?token=<token>`. Without METRICS_TOKEN
configured the endpoint does not exist (404): nothing is exposed by default. A missing or
wrong token is 401. The metrics themselves are declared in common/metrics.py.
"""

import hmac

from flask import Blueprint, Response, current_app, request

from watchparty.common import metrics
from watchparty.errors import NotFound, Unauthorized

metrics_page = Blueprint("metrics", __name__)


def _presented() -> str:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[7:].strip()
    return request.args.get("token", "")


def check_token() -> None:
    """404 when no token is configured; 401 unless the caller presents it."""
    expected = current_app.config.get("METRICS_TOKEN")
    if not expected:
        raise NotFound("Metrics are off: set METRICS_TOKEN to expose them.")
    if not hmac.compare_digest(_presented().encode(), expected.encode()):
        raise Unauthorized("Send the metrics token as a Bearer token or ?token=.")


@metrics_page.get("/metrics")
def prometheus_metrics():
    """Every metric of this process (of all processes in multiprocess mode)."""
    check_token()
    body, content_type = metrics.render()
    return Response(body, content_type=content_type, headers={"Cache-Control": "no-store"})
