"""What the parties domain adds to the domains below it: user stats, account deletion, and
who may see a private video or must let go of a deleted one."""

import uuid
from datetime import datetime

from sqlalchemy import exists, func, select, update

from watchparty.common import reportables
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.parties import broadcast, reportable
from watchparty.parties.membership import free_seat
from watchparty.parties.models import ACTIVE, ENDED, HOST, LEFT, PENDING, Party, PartyParticipant
from watchparty.users import deletion, stats
from watchparty.videos import access as video_access
from watchparty.videos import service as videos

# Memberships that were real attendance (not a pending request).
ATTENDED = ("active", "left", "kicked")


def _count(*conditions) -> int:
    stmt = select(func.count()).select_from(PartyParticipant).where(*conditions)
    return db.session.scalar(stmt) or 0


def _watch_seconds(*conditions) -> int:
    stmt = select(func.coalesce(func.sum(PartyParticipant.watch_seconds), 0)).where(*conditions)
    return db.session.scalar(stmt) or 0


def party_facts(user_id: uuid.UUID, week_start: datetime) -> dict[str, float]:
    """Parties hosted and joined, this week's parties, and watch time in minutes."""
    mine = (PartyParticipant.user_id == user_id,)
    hosted = db.session.scalar(
        select(func.count()).where(Party.host_id == user_id, Party.deleted_at.is_(None))
    )
    attended = (*mine, PartyParticipant.status.in_(ATTENDED))
    recent = PartyParticipant.joined_at >= week_start
    return {
        "parties_hosted": hosted or 0,
        "parties_joined": _count(*attended, PartyParticipant.role != HOST),
        "parties_this_week": _count(*attended, recent),
        "watch_time_minutes": _watch_seconds(*mine) / 60,
        "watch_time_minutes_this_week": _watch_seconds(*mine, recent) / 60,
    }


def leave_all_parties(user):
    """End the parties the user hosts and end their memberships (no commit)."""
    now = utcnow()
    ended = []
    for party in db.session.scalars(
        select(Party).where(Party.host_id == user.id, Party.status != ENDED)
    ):
        party.status, party.ended_at = ENDED, now
        ended.append(party.id)
    rows = db.session.scalars(
        select(PartyParticipant).where(
            PartyParticipant.user_id == user.id,
            PartyParticipant.status.in_((ACTIVE, PENDING)),
        )
    ).all()
    for row in rows:
        if row.status == ACTIVE:
            free_seat(row.party_id)
        row.status, row.left_at = LEFT, now
    return lambda: _announce_ended(ended)


def _announce_ended(party_ids: list[uuid.UUID]) -> None:
    """Tell each ended party's connected clients, as ending it by hand does."""
    for party_id in party_ids:
        broadcast.emit("ended", {"party_id": str(party_id)}, party_id)


def plays_video(user_id: uuid.UUID, video_id: uuid.UUID) -> bool:
    """Whether the user is an active member of a live (not deleted) party that plays the video."""
    query = select(
        exists().where(
            Party.video_id == video_id,
            Party.deleted_at.is_(None),
            PartyParticipant.party_id == Party.id,
            PartyParticipant.user_id == user_id,
            PartyParticipant.status == ACTIVE,
        )
    )
    return bool(db.session.scalar(query))


def let_go_of_videos(video_ids) -> None:
    """Parties that played deleted videos keep going without one (no commit)."""
    db.session.execute(
        update(Party).where(Party.video_id.in_(video_ids)).values(video_id=None),
        execution_options={"synchronize_session": False},
    )


def register() -> None:
    """Attach the parties domain's contributions (called once by the blueprint table)."""
    stats.register_contributor(party_facts)
    deletion.register_cleanup(leave_all_parties)
    video_access.viewer_grants.register(plays_video)
    videos.detaching.register(let_go_of_videos)
    reportables.register(reportable.REPORTABLE)
