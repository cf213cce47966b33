"""Being in a party's room on /party: the join snapshot, presence, and leaving.

Nothing here depends on an earlier connection: a client that reconnects (to this process or
another) sends `join` again and gets everything it needs to resynchronize.
"""

import uuid

from flask import current_app
from flask_socketio import join_room, leave_room
from sqlalchemy import update

from watchparty.common.realtime import PARTY_NS, party_id_of, room
from watchparty.errors import Conflict, Forbidden
from watchparty.extensions import db, socketio
from watchparty.live import online as site_presence
from watchparty.live import presence
from watchparty.live.state import server_ms
from watchparty.parties import membership, roster
from watchparty.parties.access import active_member, get_party
from watchparty.parties.models import ACTIVE, ENDED, Party
from watchparty.parties.schemas import dump_party
from watchparty.playback import ready, sync
from watchparty.playback.presence_feed import announce
from watchparty.users.models import User
from watchparty.users.schemas import dump_brief

NAMESPACE = PARTY_NS


def _admit(party: Party, user_id: uuid.UUID) -> None:
    """Active members come in; anyone else joins under the party's admission rule first."""
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    if active_member(party, user_id) is not None:
        return
    if membership.join(party, user_id).status != ACTIVE:
        raise Forbidden("Your request to join is pending.", code="approval_pending")


def enter(party_id: uuid.UUID, user, sid: str) -> dict:
    """Join the party's room: the snapshot {party, state, participants, server_time}."""
    party = get_party(party_id)
    _admit(party, user.id)
    state = sync.current(party.id, party)
    party_view, me = dump_party(party, 0), dump_brief(user)
    presence.ensure_heartbeat(current_app._get_current_object())
    presence.join(party.id, sid, user.id)
    join_room(room(party.id), sid=sid, namespace=NAMESPACE)
    online = presence.online_users(party.id)
    snapshot = {
        "party": party_view | {"online_count": len(online)},
        "state": sync.snapshot(state, server_ms()),
        "participants": roster.members(party.id, online),
    }
    # Hand the database connection back before the room-wide broadcast: in a reconnect
    # storm of a big room, joins must not sit on the pool while they wait for the CPU.
    db.session.close()
    _raise_peak(party.id, len(online))
    watching(user.id, sid, party.id)
    announce(party.id, me, "joined", len(online))
    announce_departed(party.id)
    return snapshot | {"server_time": server_ms()}


def leave(party_id: uuid.UUID, user_id: uuid.UUID, sid: str) -> bool:
    """Leave the room; announce it when the user has no other connection there."""
    if room(party_id) not in socketio.server.rooms(sid, namespace=NAMESPACE):
        return False  # never joined (or already left): nothing to announce
    presence.leave(party_id, sid)
    leave_room(room(party_id), sid=sid, namespace=NAMESPACE)
    watching(user_id, sid, None)
    online = presence.online_users(party_id)
    if str(user_id) in online:
        return False
    _gone(party_id, user_id, len(online))
    return True


def watching(user_id: uuid.UUID, sid: str, party_id) -> None:
    """Tell the site-wide presence which party this connection watches (friends see it)."""
    site_presence.watching(user_id, NAMESPACE, sid, party_id)
    db.session.remove()  # the presence listeners read friends; hand the connection back


def announce_departed(party_id) -> None:
    """Broadcast "left" for users whose last connection died with its process (kill -9)."""
    gone = presence.take_departed(party_id)
    if not gone:
        return
    online = presence.online_users(party_id)
    for user_id in map(uuid.UUID, set(gone) - set(online)):  # not those who came back
        _gone(party_id, user_id, len(online))


def _gone(party_id, user_id: uuid.UUID, online: int) -> None:
    """A user's last connection is gone: tell the room, and stop waiting for them."""
    user = db.session.get(User, user_id)
    if user is not None:
        announce(party_id, dump_brief(user), "left", online)
    ready.ready(party_id, user_id)


@presence.on_process_death
def _reap_served_parties() -> None:
    """Another process died: prune the parties this one serves and announce who left."""
    rooms = socketio.server.manager.rooms.get(NAMESPACE, {})
    for party_id in [party_id_of(name) for name in list(rooms)]:
        if party_id is None:
            continue
        presence.connections(party_id)  # prunes the dead process's entries
        announce_departed(party_id)


def _raise_peak(party_id: uuid.UUID, online: int) -> None:
    db.session.execute(
        update(Party)
        .where(Party.id == party_id, Party.peak_online < online)
        .values(peak_online=online)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
