"""The staff's read of reports: filters, one report with its content, its history."""

import uuid

from sqlalchemy import func, select

from watchparty.common.pagination import paginate
from watchparty.common.shown import Shown
from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.moderation.models import PENDING, ContentReport, ReportAction
from watchparty.moderation.reports import kind_of, pending_of


def reporter_count():
    """SQL: distinct people with a pending report of the same content as ContentReport."""
    other = ContentReport.__table__.alias("other")
    return (
        select(func.count(func.distinct(other.c.reporter_id)))
        .where(other.c.content_type == ContentReport.content_type)
        .where(other.c.content_id == ContentReport.content_id)
        .where(other.c.status.in_(PENDING))
        .scalar_subquery()
    )


def filtered(query: dict):
    """SELECT of reports with the staff filters of `query` applied."""
    stmt = select(ContentReport)
    for name in ("content_type", "content_id", "status", "reason", "assignee_id", "reporter_id"):
        if query.get(name) is not None:
            stmt = stmt.where(getattr(ContentReport, name) == query[name])
    if query.get("unassigned"):
        stmt = stmt.where(ContentReport.assignee_id.is_(None))
    return stmt


def with_counts(rows: list[ContentReport]) -> list[Shown]:
    """Each report with its content's number of distinct pending reporters."""
    keys = {(r.content_type, r.content_id) for r in rows}
    counts = {key: len({p.reporter_id for p in pending_of(*key)}) for key in keys}
    return [Shown(r, reporter_count=counts[(r.content_type, r.content_id)]) for r in rows]


def staff_list(query: dict) -> dict:
    """A page of reports for staff, newest first, filtered."""
    stmt = filtered(query).order_by(ContentReport.created_at.desc(), ContentReport.id)
    return paginate(stmt, query["page"], query["page_size"], with_counts)


def get(report_id: uuid.UUID) -> ContentReport:
    """One report, or 404."""
    report = db.session.get(ContentReport, report_id)
    if report is None:
        raise NotFound("No such report.", code="report_not_found")
    return report


def detail(report_id: uuid.UUID) -> Shown:
    """One report for staff, with the reported content as text (also once hidden)."""
    report = get(report_id)
    kind = kind_of(report.content_type)
    shown = with_counts([report])[0]
    return Shown(
        shown,
        content_label=kind.label,
        content_text=kind.text(report.content_id),
        content_exists=kind.owner(report.content_id) is not None,
    )


def actions(report_id: uuid.UUID) -> list[ReportAction]:
    """A report's history, oldest first."""
    report = get(report_id)
    return list(
        db.session.scalars(
            select(ReportAction)
            .where(ReportAction.report_id == report.id)
            .order_by(ReportAction.at, ReportAction.id)
        )
    )
