"""What the videos domain adds to the domains below it: account deletion."""

from watchparty.users import deletion
from watchparty.videos import service


def register() -> None:
    """Attach the videos domain's contributions (called once by the blueprint table)."""
    deletion.register_cleanup(service.remove_owned_by)
