"""Domain errors and the one JSON error shape, for REST responses and Socket.IO acks."""

import logging

from flask import Flask, request
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException

from watchparty.common.types import iso, utcnow

log = logging.getLogger(__name__)

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "server_error",
    503: "service_unavailable",
}


class AppError(Exception):
    """A domain error that maps to one HTTP status and error code."""

    status = 400
    code = "bad_request"
    message = "The request could not be processed."
    headers: dict[str, str] = {}

    def __init__(self, message=None, *, errors=None, detail=None, code=None, status=None):
        super().__init__(message or self.message)
        self.message = message or self.message
        self.errors = errors or {}
        self.detail = detail
        self.code = code or self.code
        self.status = status or self.status

    def to_dict(self) -> dict:
        """The error shape of this error."""
        return error_body(self.code, self.message, self.detail, self.errors)


class ValidationError(AppError):
    status, code, message = 400, "validation_error", "Invalid input."


class Unauthorized(AppError):
    status, code, message = 401, "unauthorized", "Authentication required."


class Forbidden(AppError):
    status, code, message = 403, "forbidden", "You do not have permission to do this."


class NotFound(AppError):
    status, code, message = 404, "not_found", "Not found."


class Conflict(AppError):
    status, code, message = 409, "conflict", "Conflicts with the current state."


class TooLarge(AppError):
    status, code, message = 413, "payload_too_large", "The upload is too large."


class UnsupportedMedia(AppError):
    status, code, message = 415, "unsupported_media_type", "Unsupported media type."


class RateLimited(AppError):
    """Too many requests: carries the X-RateLimit-* and Retry-After headers REST sends."""

    status, code, message = 429, "rate_limited", "Too many requests. Try again later."

    def __init__(self, message=None, *, limit: int, retry_after: int, **kwargs):
        super().__init__(message, detail=f"Retry after {retry_after} s.", **kwargs)
        self.headers = {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": str(retry_after),
            "Retry-After": str(retry_after),
        }


class Unavailable(AppError):
    status, code, message = 503, "service_unavailable", "A dependency is unavailable."

    def __init__(self, message=None, *, retry_after: int | None = None, **kwargs):
        if retry_after:
            kwargs.setdefault("detail", f"Retry after {retry_after} s.")
        super().__init__(message, **kwargs)
        self.headers = {"Retry-After": str(retry_after)} if retry_after else {}


# Redis (live state, job queue, rate limits) unreachable: a transient outage, not a bug.
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)
REDIS_RETRY_AFTER = 5  # seconds; a restarted Redis or a failover is usually back by then


def app_error_for(exc: BaseException) -> AppError | None:
    """The domain error `exc` stands for: itself, a 503 when Redis is down (also when a library
    wrapped that failure, as RQ and limits may), or None for a real bug."""
    if isinstance(exc, AppError):
        return exc
    if isinstance(exc, IntegrityError):
        return duplicate_conflict(exc)
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, REDIS_DOWN):
            return Unavailable(
                "A service this request needs is unavailable; try again shortly.",
                retry_after=REDIS_RETRY_AFTER,
            )
        seen.add(id(cause))
        cause = getattr(cause, "storage_error", None) or cause.__cause__ or cause.__context__
    return None


def duplicate_conflict(exc: IntegrityError) -> Conflict:
    """The one 409 for a unique or foreign-key violation: something changed meanwhile.

    Services that can say more (which field is taken) raise their own Conflict instead,
    through `common.inserts.commit_unique`; every other violation ends up here."""
    return Conflict(
        "This conflicts with data stored meanwhile (a duplicate, or a row that is gone).",
        code="integrity_conflict",
    )


def error_body(code: str, message: str, detail=None, errors=None) -> dict:
    """The project's one error shape."""
    return {
        "success": False,
        "error": code,
        "message": message,
        "detail": detail if detail is not None else message,
        "errors": {str(field): _messages(value) for field, value in (errors or {}).items()},
        "timestamp": iso(utcnow()),
    }


def _messages(value, path: str = "") -> list[str]:
    """A field's messages as a flat list of strings: marshmallow nests those of list items and
    nested objects by index or key ({"0": ["Not a valid string."]} becomes "0: Not a valid
    string."), and the documented shape is field → messages."""
    if isinstance(value, dict):
        return [m for key, inner in value.items() for m in _messages(inner, f"{path}{key}.")]
    if isinstance(value, list | tuple):
        return [m for item in value for m in _messages(item, path)]
    prefix = f"{path[:-1]}: " if path else ""
    return [f"{prefix}{value}"]


def _flatten(messages) -> dict:
    """webargs nests messages by location ({"json": {...}}); clients want fields."""
    if not isinstance(messages, dict):
        return {"non_field_errors": messages if isinstance(messages, list) else [str(messages)]}
    flat: dict = {}
    for location, fields in messages.items():
        if location in ("json", "query", "form", "files", "headers", "view_args", "json_or_form"):
            if isinstance(fields, dict):
                flat.update(fields)
            else:
                flat["non_field_errors"] = fields
        else:
            flat[location] = fields
    return flat


def _http_error(error: HTTPException):
    data = getattr(error, "data", None) or {}
    status = 400 if error.code == 422 else (error.code or 500)
    errors = _flatten(data.get("errors") or data.get("messages") or {})
    code = "validation_error" if errors else HTTP_CODES.get(status, "error")
    if errors and "json" in (data.get("messages") or {}) and errors.get("non_field_errors"):
        code = "invalid_json"
    message = data.get("message") or _message_for(error, status, errors)
    # Keep what the exception says about itself (Allow on 405, Retry-After), not its HTML type.
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    headers.update(data.get("headers") or {})
    return error_body(code, message, errors=errors), status, headers


def _message_for(error: HTTPException, status: int, errors: dict) -> str:
    if errors:
        return "Invalid input: check the fields in `errors`."
    if status == 429:
        return f"Too many requests: limit is {error.description}. Try again later."
    return error.description or HTTP_CODES.get(status, "Error")


def register_error_handlers(app: Flask) -> None:
    """Map every error under the app to the one shape (JSON for /api/ and JSON clients)."""

    @app.errorhandler(AppError)
    def handle_app_error(error: AppError):
        return error.to_dict(), error.status, error.headers

    @app.errorhandler(HTTPException)
    def handle_http(error: HTTPException):
        if not _wants_json():
            return error
        return _http_error(error)

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        mapped = app_error_for(error)
        if isinstance(error, IntegrityError):
            from watchparty.extensions import db

            db.session.rollback()
        if mapped is not None:
            log.warning("%s %s: %s (%r)", request.method, request.path, mapped.message, error)
            return mapped.to_dict(), mapped.status, mapped.headers
        log.exception("Unhandled error on %s %s", request.method, request.path)
        if not _wants_json():
            return "Internal Server Error", 500
        return error_body("server_error", "An unexpected error occurred."), 500


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"
