"""Filing party reports, counting them, and the staff list of parties."""

import uuid

from sqlalchemy import func, select

from watchparty.common.inserts import commit_unique
from watchparty.common.pagination import paginate
from watchparty.common.search import any_contains
from watchparty.common.shown import Shown
from watchparty.errors import Conflict
from watchparty.extensions import db
from watchparty.moderation.models import PartyReport
from watchparty.parties.access import get_party
from watchparty.parties.models import Party


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
