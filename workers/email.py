"""Jobs of the `email` queue."""

from watchparty.auth import onetime
from watchparty.mail.service import deliver as deliver_message


def deliver(message: dict) -> None:
    """Deliver one rendered email (to, subject, text, html)."""
    deliver_message(message)


def send_password_reset(email: str) -> None:
    """Issue a reset token and queue its email, if `email` (normalised) has an account."""
    onetime.send_password_reset(email)
