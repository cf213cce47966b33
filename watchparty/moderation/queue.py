"""The staff queue (most severe first, then the most reported, then the oldest), its stats and
the moderator's dashboard."""

from datetime import timedelta

from sqlalchemy import func, select

from watchparty.common.pagination import paginate
from watchparty.common.types import iso, utcnow
from watchparty.extensions import db
from watchparty.moderation import listing
from watchparty.moderation.models import PENDING, RESOLVED, ContentReport, ReportAction


def queue(query: dict) -> dict:
    """A page of the queue: pending reports unless `status` says otherwise, filtered."""
    stmt = listing.filtered(query)
    if query.get("status") is None:
        stmt = stmt.where(ContentReport.status.in_(PENDING))
    stmt = stmt.order_by(
        ContentReport.severity.desc(),
        listing.reporter_count().desc(),
        ContentReport.created_at,
        ContentReport.id,
    )
    return paginate(stmt, query["page"], query["page_size"], listing.with_counts)


def _count(*where) -> int:
    return db.session.scalar(select(func.count()).select_from(ContentReport).where(*where)) or 0


def _grouped(column, *where) -> list[dict]:
    rows = db.session.execute(
        select(column, func.count()).where(*where).group_by(column).order_by(column)
    ).all()
    return [{"key": key, "count": count} for key, count in rows]


def stats() -> dict:
    """Reports by status, pending ones by content type and reason, decisions taken."""
    pending = ContentReport.status.in_(PENDING)
    week = utcnow() - timedelta(days=7)
    return {
        "total": _count(),
        "pending": _count(pending),
        "by_status": _grouped(ContentReport.status),
        "pending_by_content_type": _grouped(ContentReport.content_type, pending),
        "pending_by_reason": _grouped(ContentReport.reason, pending),
        "decisions": _grouped(
            ContentReport.resolution_action, ContentReport.resolution_action.is_not(None)
        ),
        "resolved_last_7_days": _count(
            ContentReport.status == RESOLVED, ContentReport.resolved_at >= week
        ),
        "hidden_pending_review": _count(pending, ContentReport.content_hidden.is_(True)),
    }


def dashboard(staff) -> dict:
    """The caller's start page: what waits, what is theirs, what was done lately."""
    pending = ContentReport.status.in_(PENDING)
    day = utcnow() - timedelta(days=1)
    oldest = db.session.scalar(select(func.min(ContentReport.created_at)).where(pending))
    recent = db.session.scalars(
        select(ReportAction).order_by(ReportAction.at.desc(), ReportAction.id).limit(10)
    ).all()
    return {
        "pending": _count(pending),
        "unassigned": _count(pending, ContentReport.assignee_id.is_(None)),
        "assigned_to_me": _count(pending, ContentReport.assignee_id == staff.id),
        "critical": _count(pending, ContentReport.severity >= 4),
        "hidden_pending_review": _count(pending, ContentReport.content_hidden.is_(True)),
        "resolved_today": _count(ContentReport.resolved_at >= day),
        "oldest_pending_at": iso(oldest) if oldest else None,
        "recent_actions": list(recent),
    }
