"""What the search domain plugs in: an index kept current by every flush."""

from watchparty.search import indexer


def register() -> None:
    """Keep the index in step with every write (called once by the blueprint table)."""
    indexer.install()
