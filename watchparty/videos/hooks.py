"""What the videos domain adds to the domains below it: account deletion, and videos and their
comments as reportable content."""

from watchparty.common import reportables
from watchparty.users import deletion
from watchparty.videos import reportable, service


def register() -> None:
    """Attach the videos domain's contributions (called once by the blueprint table)."""
    deletion.register_cleanup(service.remove_owned_by)
    reportables.register(reportable.VIDEO)
    reportables.register(reportable.COMMENT)
