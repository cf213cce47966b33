"""Filing a report of any content, and the threshold that hides content pending review."""

import uuid

from sqlalchemy import select

from watchparty.common import reportables
from watchparty.common.inserts import commit_unique
from watchparty.errors import Conflict, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.moderation.models import PENDING, SEVERITY, ContentReport, ReportAction
from watchparty.site import audit, settings

ALREADY = "You already reported this."


def kind_of(content_type: str) -> reportables.Reportable:
    try:
        return reportables.get(content_type)
    except KeyError as error:
        raise ValidationError("This content cannot be reported.", code="unknown_content") from error


def file(
    user,
    content_type: str,
    content_id: uuid.UUID,
    reason: str,
    description: str,
    already: str = ALREADY,
) -> ContentReport:
    """File a report (one pending per reporter and content: a second is 409); content the
    reporter cannot see is 404. Hides the content once enough people reported it. Commits."""
    kind = kind_of(content_type)
    owner_id = kind.owner(content_id)
    if owner_id is None or not kind.visible_to(user, content_id):
        raise NotFound("There is no such content.", code="content_not_found")
    if owner_id == user.id:
        raise ValidationError("You cannot report yourself or your own content.", code="self_report")
    report = ContentReport(
        content_type=content_type,
        content_id=content_id,
        owner_id=owner_id,
        reporter_id=user.id,
        reason=reason,
        description=description,
        severity=SEVERITY[reason],
    )
    db.session.add(report)
    commit_unique(Conflict(already, code="already_reported"), flush=True)
    db.session.add(ReportAction(report_id=report.id, actor_id=user.id, action="filed"))
    db.session.commit()
    _hide_past_threshold(kind, content_type, content_id)
    return report


def pending_of(content_type: str, content_id: uuid.UUID) -> list[ContentReport]:
    """Every undecided report of one piece of content, oldest first."""
    return list(
        db.session.scalars(
            select(ContentReport)
            .where(
                ContentReport.content_type == content_type, ContentReport.content_id == content_id
            )
            .where(ContentReport.status.in_(PENDING))
            .order_by(ContentReport.created_at, ContentReport.id)
        )
    )


def _hide_past_threshold(kind, content_type: str, content_id: uuid.UUID) -> None:
    """Enough distinct people reported it: hold it back until staff decide. Commits."""
    pending = pending_of(content_type, content_id)
    reporters = {r.reporter_id for r in pending}
    threshold = settings.get("report_threshold")
    if len(reporters) < threshold or any(r.content_hidden for r in pending):
        return
    after = kind.hide(content_id)
    for report in pending:
        report.content_hidden = True
        db.session.add(
            ReportAction(
                report_id=report.id,
                action="hidden",
                data={"reporters": len(reporters), "threshold": threshold},
            )
        )
    audit.record(
        None,
        "moderation.auto_hide",
        content_type,
        content_id,
        f"{len(reporters)} people reported it",
        {"threshold": threshold},
    )
    db.session.commit()
    if after:
        after()
