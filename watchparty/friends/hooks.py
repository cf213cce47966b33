"""What the friends domain adds to the domains below it: who is a friend (profiles), whom a
block hides (profiles, search) or keeps out (the parties a blocker hosts), friends_count, and
friends told when a host's public party goes live."""

import uuid
from datetime import datetime

from sqlalchemy import select

from watchparty.errors import Forbidden
from watchparty.extensions import db
from watchparty.friends import blocks, presence, service, tasks
from watchparty.friends.models import Block
from watchparty.live import online
from watchparty.parties import admission, invites
from watchparty.parties import service as parties
from watchparty.parties.models import PUBLIC
from watchparty.users import service as users
from watchparty.users import settings, stats
from watchparty.users.models import User


def friend_facts(user_id: uuid.UUID, week_start: datetime) -> dict[str, float]:
    """How many friends the user has."""
    return {"friends_count": len(service.friend_ids(user_id))}


def hidden_by_block(viewer_id: uuid.UUID, owner_id: uuid.UUID) -> bool:
    """A profile does not exist for someone its owner blocked."""
    return blocks.blocked_by(owner_id, viewer_id)


def not_blocked_by(viewer):
    """Search leaves out the people who blocked the viewer."""
    return User.id.not_in(select(Block.blocker_id).where(Block.blocked_id == viewer.id))


def blocked_authors(viewer_id: uuid.UUID) -> set[uuid.UUID]:
    """The people the viewer blocked: their chat messages are hidden from the viewer."""
    return set(db.session.scalars(select(Block.blocked_id).where(Block.blocker_id == viewer_id)))


def refuse_blocked(party, user_id: uuid.UUID) -> None:
    """Someone the host blocked does not come in, whatever they hold."""
    if blocks.blocked_by(party.host_id, user_id):
        raise Forbidden("You cannot join this party.", code="blocked_by_host")


def public_party_started(party) -> None:
    """A public party went live: its host's friends hear of it, through a job."""
    if party.visibility == PUBLIC:
        tasks.announce_party.enqueue(str(party.id))


def register() -> None:
    """Attach the friends domain's contributions (called once by the blueprint table)."""
    users.friend_checks.register(service.are_friends)
    users.profile_hidden.register(hidden_by_block)
    users.search_filters.register(not_blocked_by)
    users.hidden_authors.register(blocked_authors)
    stats.register_contributor(friend_facts)
    admission.join_refusals.register(refuse_blocked)
    online.changed.register(presence.announce)
    settings.changed.register(presence.privacy_changed)
    invites.invite_refusals.register(blocks.between)
    parties.started.register(public_party_started)
