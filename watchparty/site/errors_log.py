"""Recent server errors in the database: a logging handler on the root logger keeps every
ERROR and CRITICAL record (logger, message, traceback, request path and id), newest
`ERROR_LOG_CAP` only, trimmed in the same write.

Logging must never fail or slow a request: during a request the row is written by a
background thread on its own connection (the request's transaction may hold locks or be
broken), elsewhere (jobs, CLI) at once; any failure, a database outage included, drops the
record. Records of the database layer and of this module are never stored (no recursion).
"""

import logging
import os
import queue
import threading
import traceback

from flask import Flask, current_app, has_app_context, has_request_context, request
from sqlalchemy import delete, insert, select

from watchparty.common.pagination import paginate
from watchparty.extensions import db
from watchparty.site.error_models import ServerError

CAP = 1000  # default of ERROR_LOG_CAP
SKIPPED = ("sqlalchemy", __name__)
LIMITS = {"logger": 200, "message": 10_000, "traceback": 50_000, "method": 16, "path": 500}
_local = threading.local()


def _text(record: logging.LogRecord) -> str:
    if record.exc_info and record.exc_info[0] is not None:
        return "".join(traceback.format_exception(*record.exc_info))
    return record.exc_text or record.stack_info or ""


def _row(record: logging.LogRecord) -> dict:
    row = {
        "level": record.levelname[:16],
        "logger": record.name,
        "message": record.getMessage(),
        "traceback": _text(record),
        "method": "",
        "path": "",
        "request_id": "",
    }
    if has_request_context():
        row.update(method=request.method, path=request.full_path.rstrip("?"))
        row["request_id"] = (request.headers.get("X-Request-ID") or "")[:100]
    return {k: v[: LIMITS[k]] if k in LIMITS else v for k, v in row.items()}


def write(engine, row: dict, cap: int) -> None:
    """Store one record and trim the table to the newest `cap`, in one transaction."""
    table = ServerError.__table__
    with engine.begin() as conn:
        conn.execute(insert(table).values(**row))
        newest = table.c.created_at.desc(), table.c.id.desc()
        old = select(table.c.id).order_by(*newest).offset(cap)
        conn.execute(delete(table).where(table.c.id.in_(old)))


class ErrorLogHandler(logging.Handler):
    """Stores ERROR+ records of every logger; never raises."""

    def __init__(self, app: Flask) -> None:
        super().__init__(level=logging.ERROR)
        self.app = app
        self.pending: queue.Queue = queue.Queue(maxsize=1000)
        self._writer: threading.Thread | None = None
        self._pid = 0
        self._start = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        """Store the record (later during a request); drop it on any failure."""
        if getattr(_local, "busy", False) or record.name.startswith(SKIPPED):
            return
        _local.busy = True
        try:
            engine, cap = self._target()
            if has_request_context():
                self._later(engine, _row(record), cap)
            else:
                write(engine, _row(record), cap)
        except Exception:  # noqa: BLE001, S110 - logging must never fail the caller
            pass
        finally:
            _local.busy = False

    def _target(self) -> tuple:
        """The engine and cap of the app in context (or of the app that installed this)."""
        if has_app_context():
            return db.engine, current_app.config.get("ERROR_LOG_CAP", CAP)
        with self.app.app_context():
            return db.engine, self.app.config.get("ERROR_LOG_CAP", CAP)

    def _later(self, engine, row: dict, cap: int) -> None:
        with self._start:
            if self._writer is None or self._pid != os.getpid() or not self._writer.is_alive():
                self._pid = os.getpid()
                self._writer = threading.Thread(target=self._drain, name="error-log", daemon=True)
                self._writer.start()
        self.pending.put_nowait((engine, row, cap))  # full: queue.Full, the record is dropped

    def _drain(self) -> None:
        while True:
            engine, row, cap = self.pending.get()
            _local.busy = True
            try:
                write(engine, row, cap)
            except Exception:  # noqa: BLE001, S110 - a database outage drops the record
                pass
            finally:
                _local.busy = False
                self.pending.task_done()


def install(app: Flask) -> ErrorLogHandler:
    """Put one error-log handler on the root logger (replacing an earlier app's)."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, ErrorLogHandler)]:
        root.removeHandler(old)
    handler = ErrorLogHandler(app)
    root.addHandler(handler)
    return handler


def flush() -> None:
    """Wait until the records logged so far are written (tests, shutdown)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, ErrorLogHandler):
            handler.pending.join()


def entries(query: dict) -> dict:
    """A page of stored errors, newest first; `level`, `logger`, `search`, `date_from` and
    `date_to` filter."""
    stmt = select(ServerError)
    if query.get("level"):
        stmt = stmt.where(ServerError.level == query["level"].upper())
    if query.get("logger"):
        stmt = stmt.where(ServerError.logger.startswith(query["logger"], autoescape=True))
    if query.get("search"):
        stmt = stmt.where(ServerError.message.contains(query["search"], autoescape=True))
    if query.get("date_from"):
        stmt = stmt.where(ServerError.created_at >= query["date_from"])
    if query.get("date_to"):
        stmt = stmt.where(ServerError.created_at <= query["date_to"])
    stmt = stmt.order_by(ServerError.created_at.desc(), ServerError.id.desc())
    return paginate(stmt, query["page"], query["page_size"])
