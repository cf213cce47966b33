"""GDPR data export: a job builds a JSON archive of what the user owns; they download it.

Sections come from a registry so later domains (parties, videos, chat...) add theirs with
`register_section` without this module importing them.
"""

import json
import uuid
from collections.abc import Callable
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, select

from watchparty.common.types import iso, utcnow
from watchparty.errors import Conflict, NotFound
from watchparty.extensions import db
from watchparty.jobs import job
from watchparty.mail.service import send_template
from watchparty.storage import storage
from watchparty.users import settings
from watchparty.users.models import Activity, DataExport, User
from watchparty.users.schemas import UserWithProfileSchema

PENDING, PROCESSING, READY, FAILED = "pending", "processing", "ready", "failed"
MESSAGES = {
    PENDING: "Your export has been queued; we will email you when it is ready.",
    PROCESSING: "Your export is being prepared.",
    READY: "Your export is ready to download.",
    FAILED: "Your export could not be prepared; please request a new one.",
}
KEEP_FOR = timedelta(days=7)
# One build's job timeout: a pending/processing export older than this was lost (never
# enqueued, or its worker died) and no longer blocks a new request.
JOB_TIMEOUT = 600
Section = Callable[[User], object]
_sections: dict[str, Section] = {}


def register_section(name: str, fn: Section) -> None:
    """Include `fn(user)` (JSON-able, no secrets) in every archive under `name`."""
    _sections[name] = fn


def _activity(user: User) -> list[dict]:
    """The whole activity log, oldest first."""
    stmt = select(Activity).where(Activity.user_id == user.id).order_by(Activity.created_at)
    return [
        {"type": a.type, "data": a.data, "ip": a.ip, "user_agent": a.user_agent}
        | {"timestamp": iso(a.created_at)}
        for a in db.session.scalars(stmt)
    ]


register_section("profile", lambda user: UserWithProfileSchema().dump(user))
register_section(
    "settings", lambda user: {kind: settings.current(user, kind) for kind in settings.SCHEMAS}
)
register_section("activity", _activity)


def request_export(user: User) -> dict:
    """Queue a new export (only one may be in progress at a time); returns its description."""
    # Locking the user's row serialises concurrent requests, so the check below cannot race.
    db.session.execute(select(User.id).where(User.id == user.id).with_for_update())
    fresh = utcnow() - timedelta(seconds=JOB_TIMEOUT)
    busy = select(DataExport.id).where(
        DataExport.user_id == user.id,
        DataExport.status.in_([PENDING, PROCESSING]),
        DataExport.created_at > fresh,
    )
    if db.session.scalar(busy) is not None:
        raise Conflict("An export is already being prepared.", code="export_in_progress")
    export = DataExport(id=uuid.uuid4(), user_id=user.id, status=PENDING)
    db.session.add(export)
    db.session.commit()
    # Described before enqueueing: an embedded job may start (and finish) at once.
    queued = describe(export)
    try:
        build.enqueue(str(export.id))
    except Exception:
        # As a failed upload is discarded: no pending row is left to block the next request;
        # errors.py maps the Redis failure to 503 with Retry-After.
        discard_export(export.id)
        raise
    return queued


def discard_export(export_id: uuid.UUID) -> None:
    """Undo an export whose job could not be queued."""
    db.session.rollback()
    db.session.execute(delete(DataExport).where(DataExport.id == export_id))
    db.session.commit()


def get_export(user: User, export_id: uuid.UUID) -> DataExport:
    """One of the user's exports (another user's is as missing as an unknown one)."""
    export = db.session.get(DataExport, export_id)
    if export is None or export.user_id != user.id:
        raise NotFound("No such export.")
    return export


def describe(export: DataExport) -> dict:
    """Status fields plus the download URL once ready."""
    ready = export.status == READY
    path = f"/api/users/export-data/{export.id}/download/"
    return {
        "id": export.id,
        "status": export.status,
        "message": MESSAGES.get(export.status, ""),
        "created_at": export.created_at,
        "completed_at": export.completed_at,
        "expires_at": export.expires_at,
        "size": export.size,
        "download_url": f"{current_app.config['FRONTEND_URL']}{path}" if ready else None,
    }


def download(user: User, export_id: uuid.UUID) -> tuple[bytes, str]:
    """The archive bytes and a file name; 409 until it is ready, 404 once it has expired."""
    export = get_export(user, export_id)
    if export.status != READY or not export.file_key:
        raise Conflict("The export is not ready yet.", code="export_not_ready")
    if export.expires_at and export.expires_at <= utcnow():
        raise NotFound("This export has expired; request a new one.", code="export_expired")
    return storage().read(export.file_key), f"watchparty-export-{export.id}.json"


@job("default", timeout=JOB_TIMEOUT)
def build(export_id: str) -> None:
    """Build and store the archive of one export, then email the user (the export job)."""
    export = db.session.get(DataExport, uuid.UUID(export_id))
    if export is None or export.status not in (PENDING, PROCESSING):
        return  # deleted with the account, or already built
    export.status = PROCESSING
    db.session.commit()
    user = db.session.get(User, export.user_id)
    try:
        archive = {"generated_at": iso(utcnow()), "user_id": str(user.id)}
        archive |= {name: fn(user) for name, fn in _sections.items()}
        data = json.dumps(archive, indent=2, default=str).encode()
        key = f"private/exports/{user.id}/{export.id}.json"
        storage().save(key, data)
    except Exception as exc:
        db.session.rollback()
        export.status, export.error = FAILED, str(exc)[:500]
        db.session.commit()
        raise
    now = utcnow()
    export.status, export.file_key, export.size = READY, key, len(data)
    export.completed_at, export.expires_at = now, now + KEEP_FOR
    db.session.commit()
    send_template(
        user.email,
        "export_ready",
        "Your Watchparty data export is ready",
        user=user,
        export=describe(export),
    )
