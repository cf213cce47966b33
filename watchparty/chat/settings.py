"""A party's chat rules: read by every send, changed by the host or a moderator."""

import uuid

from watchparty.chat.models import DEFAULT_SETTINGS, ChatSettings
from watchparty.extensions import db
from watchparty.parties.access import get_party, require_member, require_moderator


def settings_of(party_id: uuid.UUID) -> dict:
    """The party's chat settings (defaults when never changed)."""
    row = db.session.get(ChatSettings, party_id)
    if row is None:
        return dict(DEFAULT_SETTINGS, blocked_words=[])
    current = {name: getattr(row, name) for name in DEFAULT_SETTINGS}
    return current | {"blocked_words": list(current["blocked_words"] or [])}


def read(party_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """The chat settings, for a member of the party."""
    party = get_party(party_id)
    require_member(party, user_id)
    return settings_of(party.id)


def update(party_id: uuid.UUID, user_id: uuid.UUID, changes: dict) -> dict:
    """Apply a validated partial update (host or moderator). Commits and broadcasts."""
    from watchparty.chat.service import broadcast

    party = get_party(party_id)
    require_moderator(party, user_id)
    row = db.session.get(ChatSettings, party.id)
    if row is None:
        row = ChatSettings(party_id=party.id, **dict(DEFAULT_SETTINGS, blocked_words=[]))
        db.session.add(row)
    for name, value in changes.items():
        if name == "blocked_words":
            value = sorted({word.strip().lower() for word in value if word.strip()})
        setattr(row, name, value)
    db.session.commit()
    current = settings_of(party.id)
    broadcast("settings", {"party_id": str(party.id), **current}, party.id)
    return current
