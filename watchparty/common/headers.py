"""Security headers on every response: nosniff, and a Content-Security-Policy on every HTML page
unless the view set its own (the app shell does)."""

import base64
import hashlib
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from flask import Flask, Response, request

# Server-rendered pages (account pages, admin console, error pages): no script at all but our
# own files, nothing may frame them, forms post only here.
DEFAULT_CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

# Third-party UIs we serve from vendored files (Swagger UI, ReDoc, rq-dashboard) start
# themselves with an inline script: allowed by its hash, never by 'unsafe-inline'. ReDoc and
# Swagger UI inject <style> elements and show data: images; ReDoc searches in a blob: worker.
VENDORED_UI_CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'{hashes}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
VENDORED_UI_BLUEPRINTS = {"api-docs", "rq_dashboard"}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def inline_script_hashes(html: str) -> str:
    """CSP source expressions for the inline scripts of a page we rendered from a trusted
    template (its interpolations are JSON-escaped, so no input can become script)."""
    digests = {
        base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        for body in INLINE_SCRIPT.findall(html)
    }
    return " ".join(f"'sha256-{digest}'" for digest in sorted(digests))


def _policy_for(response: Response) -> str:
    if request.blueprint in VENDORED_UI_BLUEPRINTS:
        hashes = inline_script_hashes(response.get_data(as_text=True))
        return VENDORED_UI_CSP.format(hashes=f" {hashes}" if hashes else "")
    return DEFAULT_CSP


def set_security_headers(response: Response) -> Response:
    """nosniff everywhere; the default CSP on HTML that has none of its own."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if (
        response.mimetype == "text/html"
        and "Content-Security-Policy" not in response.headers
        and not response.direct_passthrough  # a streamed file: nothing to hash, not a page
    ):
        response.headers["Content-Security-Policy"] = _policy_for(response)
    return response


def register_security_headers(app: Flask) -> None:
    """Install the headers on every response, errors included."""
    app.after_request(set_security_headers)


def socketio_origin_check(origins: list[str]) -> Callable[[str, dict], bool] | str:
    """Engine.IO's origin rule: the page's own host, or one of CORS_ORIGINS (FRONTEND_URL by
    default); "*" lets any origin in (then without credentials, see create_app)."""
    if "*" in origins:
        return "*"
    listed = {origin.rstrip("/") for origin in origins}

    def allowed(origin: str | None, environ: dict) -> bool:
        if not origin or origin in listed:
            return True
        # Same origin: the Origin's host is the Host the request came to (a proxy that ends
        # TLS makes the scheme differ, so only the host is compared).
        return urlsplit(origin).netloc == environ.get("HTTP_HOST")

    return allowed
