"""The older report endpoints (a party, a user) as content reports, report counts, and the
staff list and removal of parties."""

import uuid

from sqlalchemy import func, select

from watchparty.common.pagination import paginate
from watchparty.common.reportables import PARTY, USER
from watchparty.common.search import any_contains
from watchparty.common.shown import Shown
from watchparty.common.types import utcnow
from watchparty.errors import NotFound, ValidationError
from watchparty.extensions import db
from watchparty.moderation import listing, notices, reports
from watchparty.moderation.models import REMOVE, RESOLVED, ContentReport, ReportAction
from watchparty.parties import service as parties
from watchparty.parties.access import get_party
from watchparty.parties.models import Party
from watchparty.site import audit
from watchparty.users.models import User


def report_party(user, party_id: uuid.UUID, reason: str, description: str) -> ContentReport:
    """File a report of a party; one pending per user and party (a second is 409). Commits."""
    get_party(party_id)
    return reports.file(
        user, PARTY, party_id, reason, description, already="You already reported this party."
    )


def report_user(user, reported_id: uuid.UUID, reason: str, description: str) -> ContentReport:
    """File a report of another user; one pending per pair (a second is 409). Commits."""
    if reported_id == user.id:
        raise ValidationError("You cannot report yourself.", code="self_report")
    reported = db.session.get(User, reported_id)
    if reported is None or not reported.can_sign_in:
        raise NotFound("No such user.", code="user_not_found")
    return reports.file(
        user, USER, reported_id, reason, description, already="You already reported this person."
    )


def report_counts(party_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many reports were filed against each of `party_ids` (absent means none)."""
    rows = db.session.execute(
        select(ContentReport.content_id, func.count())
        .where(ContentReport.content_type == PARTY, ContentReport.content_id.in_(party_ids))
        .group_by(ContentReport.content_id)
    ).all()
    return dict(rows)


def staff_parties(query: dict) -> dict:
    """A page of every party (any visibility), newest first, each with its `report_count`;
    `search` and `status` filter."""
    stmt = select(Party).where(Party.deleted_at.is_(None))
    if query.get("status"):
        stmt = stmt.where(Party.status == query["status"])
    if query.get("search"):
        stmt = stmt.where(any_contains((Party.title, Party.description), query["search"]))
    stmt = stmt.order_by(Party.created_at.desc(), Party.id)
    return paginate(stmt, query["page"], query["page_size"], _with_reports)


def _with_reports(rows: list[Party]) -> list[Shown]:
    counts = report_counts([p.id for p in rows])
    return [Shown(p, report_count=counts.get(p.id, 0)) for p in rows]


def user_reports(query: dict) -> dict:
    """A page of reports of users for staff, newest first; `status` filters."""
    stmt = listing.filtered({"content_type": USER, "status": query.get("status")})
    stmt = stmt.order_by(ContentReport.created_at.desc(), ContentReport.id)
    return paginate(stmt, query["page"], query["page_size"], _with_reported)


def _with_reported(rows: list[ContentReport]) -> list[Shown]:
    return [Shown(r, reported=db.session.get(User, r.content_id)) for r in rows]


def remove_party(staff, party_id: uuid.UUID) -> None:
    """Staff end a party and remove it from every view; its pending reports are resolved,
    audited, and its host and its reporters hear."""
    party = get_party(party_id)
    pending = reports.pending_of(PARTY, party.id)
    everyone = db.session.scalars(
        select(ContentReport.reporter_id).where(
            ContentReport.content_type == PARTY, ContentReport.content_id == party.id
        )
    )
    reporter_ids = list(dict.fromkeys(everyone))
    for report in pending:
        report.status, report.resolution_action = RESOLVED, REMOVE
        report.resolved_by, report.resolved_at = staff.id, utcnow()
        db.session.add(
            ReportAction(
                report_id=report.id, actor_id=staff.id, action=RESOLVED, data={"decision": REMOVE}
            )
        )
    audit.record(
        staff.id, "party.delete", PARTY, party.id, "", {"report_ids": [str(r.id) for r in pending]}
    )
    parties.delete_party(party)
    notices.party_removed(party, reporter_ids, staff.id)
