"""What the voice domain adds to the domains below it: a removed member leaves voice, and the
peers of a dead process leave the voice rooms this process serves."""

import uuid

from watchparty.common.realtime import RTC_NS, party_id_of
from watchparty.extensions import socketio
from watchparty.live import presence
from watchparty.parties import broadcast
from watchparty.voice import service


def _removed(party_id, user_id: uuid.UUID) -> None:
    """A kicked, banned or departed member is taken out of the party's voice room."""
    service.remove(party_id, user_id)


def _reap_voice_rooms() -> None:
    """Another process died: drop its peers from the voice rooms served here, and tell them."""
    names = list(socketio.server.manager.rooms.get(RTC_NS, {}))
    for party_id in filter(None, map(party_id_of, names)):
        service.prune(party_id)


def register() -> None:
    """Attach the voice domain's contributions (called once by the blueprint table)."""
    broadcast.removed.register(_removed)
    presence.on_process_death(_reap_voice_rooms)
