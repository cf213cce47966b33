"""What users can report: one entry per content type, registered by the domain that owns it.

Moderation sits beside chat (the realtime-independence contract) and below feed and messaging,
so it cannot import the content it judges. Each owning domain registers a `Reportable` from its
`hooks.py`; moderation only calls these functions. Every function takes the content's id.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

USER, VIDEO, PARTY = "user", "video", "party"
CHAT_MESSAGE, VIDEO_COMMENT = "chat_message", "video_comment"
CREATOR_POST, DIRECT_MESSAGE = "creator_post", "direct_message"
CONTENT_TYPES = (USER, VIDEO, PARTY, CHAT_MESSAGE, VIDEO_COMMENT, CREATOR_POST, DIRECT_MESSAGE)

AfterCommit = Callable[[], None] | None


@dataclass(frozen=True)
class Reportable:
    """How moderation reaches one content type without importing its domain.

    owner(id) -> the owner's user id, or None when there is no such content (a 404);
    visible_to(user, id) -> whether that user can see it (nobody reports what they cannot see);
    text(id) -> the content as plain text, for staff (also once hidden or removed);
    hide(id) / unhide(id) -> hold it back pending review / show it again;
    remove(id, actor_id) -> take it down everywhere.
    hide, unhide and remove only stage changes in the session (the caller commits them with its
    own rows and audit entry) and return what to do after that commit (live events), or None.
    """

    name: str
    label: str
    owner: Callable[[uuid.UUID], uuid.UUID | None]
    visible_to: Callable[[object, uuid.UUID], bool]
    text: Callable[[uuid.UUID], str]
    hide: Callable[[uuid.UUID], AfterCommit]
    unhide: Callable[[uuid.UUID], AfterCommit]
    remove: Callable[[uuid.UUID, uuid.UUID], AfterCommit]


_registry: dict[str, Reportable] = {}


def register(reportable: Reportable) -> None:
    """Add (or, as every new app does, replace) the entry for one content type."""
    if reportable.name not in CONTENT_TYPES:
        raise ValueError(f"unknown content type {reportable.name!r}")
    _registry[reportable.name] = reportable


def get(name: str) -> Reportable:
    """The entry for `name` (KeyError when no domain registered it)."""
    return _registry[name]


def registered() -> list[Reportable]:
    """Every registered content type, in the order of CONTENT_TYPES."""
    return [_registry[name] for name in CONTENT_TYPES if name in _registry]


def nothing(*_args) -> AfterCommit:
    """A hide/unhide for content that is never held back on its own (a person)."""
    return None
