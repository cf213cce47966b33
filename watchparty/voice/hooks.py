"""What the voice domain adds to the domains below it: a removed member leaves voice."""

import uuid

from watchparty.parties import broadcast
from watchparty.voice import service


def _removed(party_id, user_id: uuid.UUID) -> None:
    """A kicked, banned or departed member is taken out of the party's voice room."""
    service.remove(party_id, user_id)


def register() -> None:
    """Attach the voice domain's contributions (called once by the blueprint table)."""
    broadcast.removed.register(_removed)
