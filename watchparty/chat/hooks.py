"""What the chat domain adds to the domains below it: a party's message count, and chat
messages as reportable content."""

from watchparty.chat import reportable, service
from watchparty.common import reportables
from watchparty.parties import analytics


def register() -> None:
    """Attach the chat domain's contributions (called once by the blueprint table)."""
    analytics.register_figure("messages", service.message_count)
    reportables.register(reportable.REPORTABLE)
