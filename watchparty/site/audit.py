"""The staff audit log: every staff action is recorded in the transaction that makes it."""

import uuid

from sqlalchemy import select

from watchparty.common.pagination import paginate
from watchparty.extensions import db
from watchparty.site.models import AuditEntry


def record(
    actor_id: uuid.UUID | None,
    action: str,
    target_type: str = "",
    target_id=None,
    reason: str = "",
    data: dict | None = None,
) -> AuditEntry:
    """Add one audit entry to the session; the caller's commit stores it with the action."""
    entry = AuditEntry(
        actor_id=actor_id,
        action=action,
        target_type=target_type,
        target_id="" if target_id is None else str(target_id),
        reason=reason or "",
        data=data or {},
    )
    db.session.add(entry)
    return entry


def entries(query: dict) -> dict:
    """A page of the audit log, newest first; `actor_id`, `action`, `target_type`, `target_id`,
    `date_from` and `date_to` filter."""
    stmt = select(AuditEntry)
    for name in ("actor_id", "action", "target_type", "target_id"):
        if query.get(name) is not None:
            stmt = stmt.where(getattr(AuditEntry, name) == query[name])
    if query.get("date_from"):
        stmt = stmt.where(AuditEntry.created_at >= query["date_from"])
    if query.get("date_to"):
        stmt = stmt.where(AuditEntry.created_at <= query["date_to"])
    stmt = stmt.order_by(AuditEntry.created_at.desc(), AuditEntry.id)
    return paginate(stmt, query["page"], query["page_size"])
