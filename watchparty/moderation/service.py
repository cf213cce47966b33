"""Filing party reports, counting them, and the staff list of parties."""

import uuid

from sqlalchemy import func, select

from watchparty.common.inserts import commit_unique
from watchparty.common.pagination import paginate
from watchparty.common.search import any_contains
from watchparty.common.shown import Shown
from watchparty.errors import Conflict, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.moderation import notices
from watchparty.moderation.models import PartyReport, UserReport
from watchparty.parties import service as parties
from watchparty.parties.access import get_party
from watchparty.parties.models import Party
from watchparty.users.models import User


def report_party(user, party_id: uuid.UUID, reason: str, description: str) -> PartyReport:
    """File a report for staff; one per user and party (a second is 409). Commits."""
    party = get_party(party_id)
    report = PartyReport(
        party_id=party.id, reporter_id=user.id, reason=reason, description=description
    )
    db.session.add(report)
    commit_unique(Conflict("You already reported this party.", code="already_reported"))
    return report


def report_counts(party_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many reports were filed against each of `party_ids` (absent means none)."""
    rows = db.session.execute(
        select(PartyReport.party_id, func.count())
        .where(PartyReport.party_id.in_(party_ids))
        .group_by(PartyReport.party_id)
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


def _with_reports(parties: list[Party]) -> list[Shown]:
    counts = report_counts([p.id for p in parties])
    return [Shown(p, report_count=counts.get(p.id, 0)) for p in parties]


def report_user(user, reported_id: uuid.UUID, reason: str, description: str) -> UserReport:
    """File a report of another user for staff; one per pair (a second is 409). Commits."""
    if reported_id == user.id:
        raise ValidationError("You cannot report yourself.", code="self_report")
    reported = db.session.get(User, reported_id)
    if reported is None or not reported.can_sign_in:
        raise NotFound("No such user.", code="user_not_found")
    report = UserReport(
        reported_id=reported.id, reporter_id=user.id, reason=reason, description=description
    )
    db.session.add(report)
    commit_unique(Conflict("You already reported this person.", code="already_reported"))
    return report


def user_reports(query: dict) -> dict:
    """A page of user reports for staff, newest first; `status` filters."""
    stmt = select(UserReport)
    if query.get("status"):
        stmt = stmt.where(UserReport.status == query["status"])
    stmt = stmt.order_by(UserReport.created_at.desc(), UserReport.id)
    return paginate(stmt, query["page"], query["page_size"])


def remove_party(staff, party_id: uuid.UUID) -> None:
    """Staff end a party and remove it from every view; its host and its reporters hear."""
    party = get_party(party_id)
    parties.delete_party(party)
    notices.party_removed(party, staff.id)
