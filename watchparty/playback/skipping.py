"""Vote-skip (CyTube's voteskip) and cancelling the automatic start of the next item."""

import uuid

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from watchparty.errors import Conflict
from watchparty.extensions import db
from watchparty.live.state import store
from watchparty.parties import access
from watchparty.playback import commands, queue_items, sync
from watchparty.playback.models import SkipVote
from watchparty.playback.schemas import END

CANCELLED = "advance_cancelled"


def skip(party_id: uuid.UUID, user) -> dict:
    """Vote to skip the item playing (once per member and item); at `skip_ratio` of those
    online the queue moves on, or, with nothing waiting, the item ends. Commits."""
    party = access.get_party(party_id)
    access.require_member(party, user.id)
    current = queue_items.playing(party.id)
    if current is None:
        raise Conflict("Nothing from the queue is playing.", code="nothing_playing")
    db.session.add(SkipVote(item_id=current.id, user_id=user.id))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict("You already voted to skip this.", code="already_voted") from None
    count = select(func.count()).select_from(SkipVote).where(SkipVote.item_id == current.id)
    votes, needed = db.session.scalar(count), queue_items.skip_needed(party)
    skipped = votes >= needed
    # Two last votes at once both reach the share: only one of them moves the queue.
    if skipped and store().set(f"skip:{current.id}", "1", ttl=3600, nx=True):
        upcoming = queue_items.next_up(party.id)
        if upcoming is not None:
            queue_items.start(party, upcoming, autoplay=True)
        else:
            commands.run(party, {"action": END})
            queue_items.announce(party)
    else:
        queue_items.announce(party)
    return {"skipped": skipped, "votes": votes, "needed": needed}


def cancel_advance(party_id: uuid.UUID, user) -> dict:
    """Stay on the last frame instead of starting the next item (control rights)."""
    party = access.get_party(party_id)
    access.require_control(party, user.id)

    def fn(state: dict, now: int) -> dict | None:
        if not state.get("advance_at"):
            return None
        return (
            state
            | {"seq": state["seq"] + 1, "reason": CANCELLED}
            | {
                "advance_at": None,
                "up_next": None,
            }
        )

    state, _ = sync.change(party.id, fn, party)
    return sync.public(state)
