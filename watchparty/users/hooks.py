"""What the accounts domain adds to the domains below it: people as reportable content."""

from watchparty.common import reportables
from watchparty.users import reportable


def register() -> None:
    """Attach the accounts domain's contributions (called once by the blueprint table)."""
    reportables.register(reportable.REPORTABLE)
