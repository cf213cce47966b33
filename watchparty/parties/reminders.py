"""Reminders that a scheduled party is about to start, sent once to each of its members.

`flask parties remind` runs it, and so does every scheduling worker's maintenance tick. "Once"
is a live-store key per party and start time (SET NX), so runs that overlap, on any process,
remind nobody twice, and a party moved to a new time is announced again."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from watchparty.common.notify import notify_many
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.live.state import store
from watchparty.parties.models import ACTIVE, SCHEDULED, Party, PartyParticipant

DEFAULT_MINUTES = 15
SENT_TTL_SECONDS = 2 * 24 * 3600  # long past the start: the party is live or over by then


def lead_minutes() -> int:
    """How long before the start members are reminded (PARTY_REMINDER_MINUTES, default 15)."""
    return int(current_app.config.get("PARTY_REMINDER_MINUTES", DEFAULT_MINUTES))


def due(within_minutes: int) -> list[Party]:
    """Scheduled parties not yet started whose start falls in the next `within_minutes`."""
    now = utcnow()
    return db.session.scalars(
        select(Party).where(
            Party.status == SCHEDULED,
            Party.deleted_at.is_(None),
            Party.started_at.is_(None),
            Party.scheduled_start.is_not(None),
            Party.scheduled_start > now - timedelta(minutes=1),
            Party.scheduled_start <= now + timedelta(minutes=within_minutes),
        )
    ).all()


def _claim(party: Party) -> bool:
    """Whether this run is the first to remind for the party's current start time."""
    key = f"parties:reminded:{party.id}:{int(party.scheduled_start.timestamp())}"
    return store().set(key, "1", ttl=SENT_TTL_SECONDS, nx=True)


def remind(party: Party) -> int:
    """Tell the party's active members it starts soon; how many were told."""
    members = list(
        db.session.scalars(
            select(PartyParticipant.user_id).where(
                PartyParticipant.party_id == party.id, PartyParticipant.status == ACTIVE
            )
        )
    )
    minutes = max(0, round((party.scheduled_start - utcnow()).total_seconds() / 60))
    when = "now" if minutes == 0 else f"in {minutes} minute{'s' if minutes != 1 else ''}"
    notify_many(
        members,
        "party_starting",
        "A party is starting",
        f"“{party.title}” starts {when}",
        data={"party_id": str(party.id), "room_code": party.room_code},
        collapse_key=f"party_starting:{party.id}",
    )
    return len(members)


def send_due(within_minutes: int | None = None) -> int:
    """Remind the members of every party starting soon, once per party; parties reminded."""
    within = lead_minutes() if within_minutes is None else within_minutes
    parties = [party for party in due(within) if _claim(party)]
    for party in parties:
        remind(party)
    return len(parties)
