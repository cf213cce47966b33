"""Jobs of the friends domain: fan-outs to a user's friends."""

import uuid

from watchparty.friends import notices
from watchparty.jobs import job


@job("default", retries=2, backoff=[5, 30])
def announce_party(party_id: str) -> None:
    """Tell the host's friends that their public party went live."""
    notices.tell_friends(uuid.UUID(party_id))
