"""Chat statistics of a party, for its host and moderators."""

import uuid
from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select

from watchparty.chat.models import ChatMessage
from watchparty.chat.rules import emojis_in
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.parties.access import get_party, require_moderator

WINDOW_MINUTES = 10
EMOJI_SAMPLE = 2000
TOP_EMOJIS = 5


def stats(party_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """Totals, senders and rate over the last 10 minutes, and the most used emojis."""
    party = get_party(party_id)
    require_moderator(party, user_id)
    kept = (ChatMessage.party_id == party.id, ChatMessage.deleted_at.is_(None))
    recent = (*kept, ChatMessage.created_at >= utcnow() - timedelta(minutes=WINDOW_MINUTES))
    total, senders = db.session.execute(
        select(func.count(), func.count(func.distinct(ChatMessage.user_id))).where(*kept)
    ).one()
    window, active = db.session.execute(
        select(func.count(), func.count(func.distinct(ChatMessage.user_id))).where(*recent)
    ).one()
    # Recent messages are a fair sample of taste and keep this bounded on long parties.
    texts = db.session.scalars(
        select(ChatMessage.text)
        .where(*kept)
        .order_by(ChatMessage.created_at.desc())
        .limit(EMOJI_SAMPLE)
    )
    counts = Counter(emoji for text in texts for emoji in emojis_in(text))
    return {
        "total_messages": total,
        "active_participants": active,
        "message_rate": round(window / WINDOW_MINUTES, 2),
        "popular_emojis": [emoji for emoji, _ in counts.most_common(TOP_EMOJIS)],
        "total_senders": senders,
    }
