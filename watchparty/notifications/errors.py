"""How a channel tells the delivery job what went wrong."""


class Retryable(Exception):
    """The service is down or busy (5xx, 429, a timeout): try again later, with backoff."""


class Gone(Exception):
    """The device no longer exists (a push service's 404 or 410): forget it."""
