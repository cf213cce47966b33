"""Raising a notification from any domain: one call, `notify(...)`, that knows nothing of how
notifications are stored or delivered (the notifications domain registers itself as the sink).

Call it after your own commit: the notification is stored in its own transaction, then
delivered live, by email and by push as the recipient's preferences allow. Events that share a
`collapse_key` while unread become one notification ("3 new comments on …").
"""

import uuid
from dataclasses import dataclass, field

from watchparty.common.hooks import Hook


@dataclass(frozen=True)
class Notice:
    """What happened, for whom: `kind` is one of the notifications domain's types."""

    user_id: uuid.UUID
    kind: str
    title: str
    message: str
    data: dict = field(default_factory=dict)  # ids to open: {"party_id": ..., "sender_id": ...}
    actor_id: uuid.UUID | None = None  # who caused it (never notified of their own doing)
    collapse_key: str | None = None  # unread notices with the same key become one
    # The message once several collapsed, formatted with str.format(count=n): "{count} new
    # comments on …" (double any other brace the text holds).
    collapsed: str | None = None


# fn(notice: Notice) -> None: stores and delivers it (the notifications domain).
sinks = Hook("common.notify.sinks")


def notify(user_id, kind: str, title: str, message: str, **extra) -> None:
    """Tell `user_id` about `kind` (see Notice for `data`, `actor_id`, `collapse_key`)."""
    notice = Notice(user_id=user_id, kind=kind, title=title, message=message, **extra)
    if notice.actor_id is not None and notice.actor_id == notice.user_id:
        return
    sinks.run(notice)


def notify_many(user_ids, kind: str, title: str, message: str, **extra) -> None:
    """The same notice for several people (each gets their own)."""
    for user_id in dict.fromkeys(user_ids):
        notify(user_id, kind, title, message, **extra)
