"""What the library adds below it: history from the player and from parties, and erasure."""

from watchparty.library import service
from watchparty.parties import service as parties
from watchparty.users import deletion
from watchparty.videos import view_counts


def register() -> None:
    """Attach the library's contributions (called once by the blueprint table)."""
    view_counts.watched.register(service.video_watched)
    parties.watched.register(service.party_watched)
    deletion.register_cleanup(service.erase)
