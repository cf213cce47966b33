"""Staff decisions on reports: assign, resolve with an action, dismiss. A decision covers every
pending report of the same content, is kept in each report's history and in the audit log (in
the same commit), and is told to the reporters and the owner after the commit."""

import uuid

from watchparty.auth import standing
from watchparty.common import reportables
from watchparty.common.types import utcnow
from watchparty.errors import Conflict, ValidationError
from watchparty.extensions import db
from watchparty.moderation import listing, notices, reports
from watchparty.moderation.models import (
    ASSIGNED,
    BAN,
    DISMISSED,
    NO_ACTION,
    PENDING,
    REMOVE,
    RESOLVED,
    SUSPEND,
    ReportAction,
)
from watchparty.site import audit
from watchparty.users.models import User


def _pending(report_id: uuid.UUID):
    report = listing.get(report_id)
    if report.status not in PENDING:
        raise Conflict(f"This report is already {report.status}.", code="report_closed")
    return report


def assign(staff: User, report_id: uuid.UUID, moderator_id: uuid.UUID):
    """Give a pending report to a moderator (or staff). Commits."""
    report = _pending(report_id)
    moderator = db.session.get(User, moderator_id)
    if moderator is None or not moderator.can_moderate or not moderator.can_sign_in:
        raise ValidationError(
            "Reports can only be assigned to a moderator.",
            code="not_a_moderator",
            errors={"moderator_id": ["Not a moderator."]},
        )
    report.assignee_id, report.status = moderator.id, ASSIGNED
    db.session.add(
        ReportAction(
            report_id=report.id,
            actor_id=staff.id,
            action="assigned",
            data={"moderator_id": str(moderator.id)},
        )
    )
    audit.record(
        staff.id, "moderation.assign", "report", report.id, "", {"moderator_id": str(moderator.id)}
    )
    db.session.commit()
    return listing.with_counts([report])[0]


def _apply(staff: User, report, action: str, reason: str, duration: int | None):
    """Carry out the action on the content or its owner (staged); what to run after commit."""
    kind = reportables.get(report.content_type)
    hidden = any(
        r.content_hidden for r in reports.pending_of(report.content_type, report.content_id)
    )
    if action == NO_ACTION:
        return kind.unhide(report.content_id) if hidden else None
    if action == REMOVE:
        return kind.remove(report.content_id, staff.id)
    if action in (SUSPEND, BAN):
        if report.owner_id is None:
            raise ValidationError("This content has no owner to act on.", code="no_owner")
        owner = standing.target(staff, report.owner_id)
        act = standing.suspend if action == SUSPEND else standing.ban
        act(staff, owner, reason or None, duration)
    return None  # warn: the notice to the owner is the action


def _close(staff: User, report, status: str, action: str, reason: str, duration=None):
    """Decide every pending report of the report's content; returns the reports decided."""
    group = reports.pending_of(report.content_type, report.content_id)
    restored = any(r.content_hidden for r in group)
    after = (
        _apply(staff, report, action, reason, duration)
        if status == RESOLVED
        else (reportables.get(report.content_type).unhide(report.content_id) if restored else None)
    )
    now = utcnow()
    for item in group:
        item.status, item.resolution_action, item.resolution_reason = status, action, reason
        item.resolved_by, item.resolved_at = staff.id, now
        db.session.add(
            ReportAction(
                report_id=item.id,
                actor_id=staff.id,
                action=status,
                reason=reason,
                data={"decision": action, "duration": duration},
            )
        )
    audit.record(
        staff.id,
        f"moderation.{status}",
        report.content_type,
        report.content_id,
        reason,
        {"decision": action, "duration": duration, "report_ids": [str(r.id) for r in group]},
    )
    db.session.commit()
    if after:
        after()
    label = reportables.get(report.content_type).label
    decision = DISMISSED if status == DISMISSED else action
    notices.decided(decision, label, group, report.owner_id, staff.id, reason, restored)
    return group


def resolve(
    staff: User, report_id: uuid.UUID, action: str, reason: str = "", duration: int | None = None
):
    """Resolve a pending report (and every other pending one of the same content) with an
    action: no_action, remove, warn, suspend (for `duration` seconds) or ban. Commits."""
    report = _pending(report_id)
    _close(staff, report, RESOLVED, action, reason, duration)
    return listing.with_counts([report])[0]


def dismiss(staff: User, report_id: uuid.UUID, reason: str = ""):
    """Dismiss a pending report (and the others of the same content); held-back content shows
    again. Commits."""
    report = _pending(report_id)
    _close(staff, report, DISMISSED, NO_ACTION, reason)
    return listing.with_counts([report])[0]
