"""What the chat domain adds to the domains below it: a party's message count."""

from watchparty.chat import service
from watchparty.parties import analytics


def register() -> None:
    """Attach the chat domain's contributions (called once by the blueprint table)."""
    analytics.register_figure("messages", service.message_count)
