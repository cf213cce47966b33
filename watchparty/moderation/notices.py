"""Moderation decisions, told to the people they concern: whoever reported the content (action
was taken) and whoever owns it (what was decided about it)."""

from sqlalchemy import select

from watchparty.common.notify import notify, notify_many
from watchparty.extensions import db
from watchparty.moderation.models import PartyReport
from watchparty.parties.models import Party


def party_removed(party: Party, staff_id) -> None:
    """Staff removed a party: its host hears of it, and so does each of its reporters."""
    data = {"party_id": str(party.id), "decision": "removed"}
    notify(
        party.host_id,
        "moderation_decision",
        "Your party was removed",
        f"Staff removed your party “{party.title}” for breaking the community rules",
        data=data,
        actor_id=staff_id,
    )
    reporters = db.session.scalars(
        select(PartyReport.reporter_id).where(PartyReport.party_id == party.id)
    )
    notify_many(
        list(reporters),
        "moderation_decision",
        "Action taken on your report",
        f"Thanks for your report: staff removed the party “{party.title}”",
        data=data,
        actor_id=staff_id,
    )
