"""Filing party reports and counting them for staff."""

import uuid

from sqlalchemy import func, select

from watchparty.common.inserts import commit_unique
from watchparty.errors import Conflict
from watchparty.extensions import db
from watchparty.moderation.models import PartyReport
from watchparty.parties.access import get_party


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
