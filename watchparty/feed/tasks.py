"""Jobs of the feed domain: telling a creator's followers about a new post."""

import uuid

from watchparty.feed import announce
from watchparty.jobs import job


@job("default", retries=2, backoff=[5, 30])
def announce_post(post_id: str, after: str | None = None) -> None:
    """Tell one batch of followers about the post, then queue the next batch."""
    last = announce.tell_followers(uuid.UUID(post_id), uuid.UUID(after) if after else None)
    if last is not None:
        announce_post.enqueue(post_id, str(last))
