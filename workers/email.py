"""Jobs of the `email` queue."""

from watchparty.mail.service import deliver as deliver_message


def deliver(message: dict) -> None:
    """Deliver one rendered email (to, subject, text, html)."""
    deliver_message(message)
