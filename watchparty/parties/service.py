"""Parties: create, read, update, delete, start and end, join and leave."""

import secrets
import uuid

from sqlalchemy import exists, or_, select, update
from sqlalchemy.exc import IntegrityError

from watchparty.common.hooks import Hook
from watchparty.common.shown import Shown
from watchparty.common.types import utcnow
from watchparty.errors import Conflict, Forbidden, ValidationError
from watchparty.extensions import db
from watchparty.parties import broadcast, membership
from watchparty.parties.access import (
    also_visible,
    get_party,
    member,
    require_host,
    require_viewer,
)
from watchparty.parties.admission import Grant
from watchparty.parties.media import check_media_url, check_video
from watchparty.parties.models import (
    ACTIVE,
    ENDED,
    HOST,
    LIVE,
    PENDING,
    PUBLIC,
    Party,
    PartyParticipant,
)
from watchparty.parties.schemas import (
    active_rows,
    dump_participants,
    dump_party,
    member_view,
    member_views,
)
from watchparty.site import settings as site_settings

# No 0/O, 1/I/L: a code read aloud or off a screen cannot be mistyped.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ROOM_CODE_LENGTH = 6


def random_code(length: int = ROOM_CODE_LENGTH) -> str:
    """A code from the unambiguous alphabet."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def _free_room_code() -> str:
    for _ in range(20):
        code = random_code()
        if db.session.scalar(select(Party.id).where(Party.room_code == code)) is None:
            return code
    return random_code(ROOM_CODE_LENGTH + 2)  # the 6-letter space is crowded: go longer


# Policies on seats and parties per host (billing's plan limits), registered from their
# hooks.py: fn(user, seats_asked_or_None, new_party) -> seats to give, or raises to refuse.
seat_policies = Hook("parties.seat_policies")
# fn(party, user_id, seconds): a member's time in a running party was added (the library keeps
# watch history from it).
watched = Hook("parties.watched")
# fn(party): the party went live for the first time (friends tell the host's friends when it
# is public). Called after the commit, once per party.
started = Hook("parties.service.started")


def _seats(user, asked: int | None, new_party: bool) -> int:
    """The seats a party gets: what was asked, as every registered policy allows it."""
    for policy in seat_policies:
        asked = policy(user, asked, new_party)
    return site_settings.get("default_party_size") if asked is None else asked


def create_party(user, data: dict) -> Party:
    """Create a party with `user` as its host (who takes the first seat). Commits."""
    data["max_participants"] = _seats(user, data.get("max_participants"), True)
    if data.get("video_id"):
        check_video(data["video_id"], user.id)
    if data.get("media_url"):
        data["media_duration"] = check_media_url(data["media_url"]).get("duration")
    for _ in range(3):  # a concurrent creator may take the same room code: draw again
        party = Party(host_id=user.id, room_code=_free_room_code(), seats_taken=0, **data)
        db.session.add(party)
        try:
            db.session.commit()
            break
        except IntegrityError:
            db.session.rollback()
    else:
        raise Conflict("Could not allocate a room code; try again.", code="room_code_busy")
    membership.join(party, user.id)
    return party


def visible_to(user_id: uuid.UUID | None):
    """SQL: parties `user_id` may see in lists (never deleted ones)."""
    if user_id is None:
        return (Party.visibility == PUBLIC) & Party.hidden.is_(False) & Party.deleted_at.is_(None)
    mine = exists().where(
        PartyParticipant.party_id == Party.id,
        PartyParticipant.user_id == user_id,
        PartyParticipant.status.in_((ACTIVE, PENDING)),
    )
    others = [fn(user_id) for fn in also_visible]
    listed = (Party.visibility == PUBLIC) & Party.hidden.is_(False)  # hidden: pending review
    return or_(listed, Party.host_id == user_id, mine, *others) & (Party.deleted_at.is_(None))


def party_detail(user, party_id: uuid.UUID) -> Shown:
    """One party with its participants and the caller's role; 403 for outsiders of a private one."""
    party = get_party(party_id)
    require_viewer(party, user.id)
    row = member(party.id, user.id)
    return Shown(
        party,
        participants=member_views(active_rows(party.id), party.id),
        my_role=row.role if row else None,
        my_status=row.status if row else None,
    )


def update_party(user, party_id: uuid.UUID, changes: dict) -> Party:
    """Apply partial changes (host only). Commits."""
    party = get_party(party_id)
    require_host(party, user.id)
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    if changes.get("video_id"):
        check_video(changes["video_id"], party.host_id)
        changes.setdefault("media_url", None)
        changes["media_duration"] = None
    if changes.get("media_url"):
        changes["media_duration"] = check_media_url(changes["media_url"]).get("duration")
        changes.setdefault("video_id", None)
    seats = changes.get("max_participants")
    if seats is not None:
        _seats(user, seats, False)
    if seats is not None and seats < party.seats_taken:
        raise ValidationError(
            "The party already has more members than that.",
            errors={"max_participants": [f"At least {party.seats_taken} (current members)."]},
        )
    for key, value in changes.items():
        setattr(party, key, value)
    db.session.commit()
    # Connected viewers see new settings (chat or reactions off, who controls) without rejoining.
    broadcast.emit("party", {"party_id": str(party.id), "party": dump_party(party)}, party.id)
    return party


def accrue_watch_time(party: Party, row: PartyParticipant, now) -> None:
    """Add the time a member spent in the running party to their watch time."""
    # After the end every member was already accrued once, by _finish.
    if party.started_at is None or party.status == ENDED or row.status != ACTIVE:
        return
    since = max(party.started_at, row.joined_at)
    seconds = max(0, int((now - since).total_seconds()))
    row.watch_seconds = (row.watch_seconds or 0) + seconds
    watched.run(party, row.user_id, seconds)


def _finish(party: Party) -> None:
    """Mark the party ended and close every member's watch time (no commit)."""
    if party.status == ENDED:
        return
    now = utcnow()
    rows = db.session.scalars(
        select(PartyParticipant).where(
            PartyParticipant.party_id == party.id, PartyParticipant.status == ACTIVE
        )
    ).all()
    for row in rows:
        accrue_watch_time(party, row, now)
    party.status, party.ended_at = ENDED, now


def end_party(user, party_id: uuid.UUID) -> Party:
    """End the party (host only); everyone connected is told `ended`. Commits."""
    party = get_party(party_id)
    require_host(party, user.id)
    _finish(party)
    db.session.commit()
    broadcast.emit("ended", {"party_id": str(party.id)}, party.id)
    return party


def stage_delete(party: Party):
    """End the party and remove it from every view, without committing; returns what to do
    after the commit (tell the room it ended)."""
    _finish(party)
    party.deleted_at = utcnow()
    return lambda: broadcast.emit("ended", {"party_id": str(party.id)}, party.id)


def delete_party(party: Party) -> None:
    """End the party and remove it from every view (its row stays for history). Commits."""
    after = stage_delete(party)
    db.session.commit()
    after()


def delete_own_party(user, party_id: uuid.UUID) -> None:
    """Delete a party the user hosts."""
    party = get_party(party_id)
    require_host(party, user.id)
    delete_party(party)


def start_party(user, party_id: uuid.UUID) -> Party:
    """Go live (host only). Commits."""
    party = get_party(party_id)
    require_host(party, user.id)
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    first = claim_start(party.id)
    party.status = LIVE
    db.session.commit()
    db.session.refresh(party)
    if first:
        announce_started(party.id)
    return party


def claim_start(party_id: uuid.UUID) -> bool:
    """Set the party's start time if it has none (no commit); whether this call set it, which
    happens once per party however many starts race."""
    result = db.session.execute(
        update(Party)
        .where(Party.id == party_id, Party.started_at.is_(None), Party.status != ENDED)
        .values(started_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def announce_started(party_id: uuid.UUID) -> None:
    """Tell the `started` contributors the party went live (after the claim's commit)."""
    party = db.session.get(Party, party_id)
    if party is not None and party.deleted_at is None:
        started.run(party)


def announce_members(party: Party) -> None:
    """Tell the room the member list changed."""
    payload = {"party_id": str(party.id), "participants": dump_participants(party)}
    broadcast.emit("participants", payload, party.id)


def join_result(party: Party, row: PartyParticipant) -> dict:
    """The join response of seed 004, plus the party."""
    text = "Joined the party." if row.status == ACTIVE else "Your request awaits approval."
    return {
        "success": True,
        "message": text,
        "participant": member_view(row),
        "party": party,
    }


def admit(party: Party, user_id: uuid.UUID, message=None, grant: Grant | None = None) -> dict:
    """Join `party` under the admission rule (a trusted grant admits a pending member);
    announces the change."""
    row = membership.join(party, user_id, message, grant=grant)
    if grant is not None and grant.trusted and row.status == PENDING:
        row = membership.approve(party, row)
    if row.status == ACTIVE:
        announce_members(party)
    return join_result(party, row)


def join_party(user, party_id: uuid.UUID, message: str | None = None) -> dict:
    """Join by id: the id is a public party's link; private ones need an invitation."""
    return admit(get_party(party_id), user.id, message)


def leave_party(user, party_id: uuid.UUID) -> None:
    """Leave the party; the host must hand over first. Commits."""
    party = get_party(party_id)
    row = member(party.id, user.id)
    if row is None or row.status not in (ACTIVE, PENDING):
        raise Forbidden("You are not in this party.", code="not_a_participant")
    if row.role == HOST and party.status != ENDED:
        raise Conflict(
            "The host cannot leave: transfer the host role or end the party first.",
            code="host_cannot_leave",
        )
    was_active = row.status == ACTIVE
    accrue_watch_time(party, row, utcnow())
    membership.remove(party, row)
    if was_active:
        announce_members(party)
        broadcast.disconnect_user(party.id, user.id)
