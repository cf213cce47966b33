"""Placeholder until the push channel lands (being written now)."""


def send(delivery, notification, device) -> None:
    """Not built yet."""
    raise RuntimeError("push channel not built yet")
