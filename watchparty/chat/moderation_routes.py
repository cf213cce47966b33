"""REST views of chat moderation and statistics (registered on the chat blueprint)."""

import uuid

from watchparty.chat import moderation
from watchparty.chat.moderation_schemas import (
    ChatBanSchema,
    ChatLogQuerySchema,
    ChatModerateSchema,
    ChatModerationEntrySchema,
    ChatModerationResultSchema,
    ChatUnbanSchema,
)
from watchparty.chat.stats import stats as chat_stats
from watchparty.chat.stats_schemas import ChatStatsSchema
from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import page_of

blp = Blueprint("chat_moderation", __name__, description="Chat moderation")


@blp.post("/<uuid:party_id>/moderate/")
@auth_required
@blp.arguments(ChatModerateSchema)
@blp.response(200, ChatModerationResultSchema)
def moderate(body, party_id: uuid.UUID):
    """Moderate (host/moderator): delete_message, mute_user, unmute_user or warn_user."""
    return moderation.moderate(party_id, current_user.id, body)


@blp.post("/<uuid:party_id>/ban/")
@auth_required
@blp.arguments(ChatBanSchema)
@blp.response(200, ChatModerationResultSchema)
def ban(body, party_id: uuid.UUID):
    """Ban a user from the chat for `duration` seconds, or until unbanned (host/moderator)."""
    return moderation.ban(party_id, current_user.id, body)


@blp.post("/<uuid:party_id>/unban/")
@auth_required
@blp.arguments(ChatUnbanSchema)
@blp.response(200, ChatModerationResultSchema)
def unban(body, party_id: uuid.UUID):
    """Lift a user's chat ban (host/moderator)."""
    return moderation.unban(party_id, current_user.id, body)


@blp.get("/<uuid:party_id>/moderation-log/")
@auth_required
@blp.arguments(ChatLogQuerySchema, location="query")
@blp.response(200, page_of(ChatModerationEntrySchema))
def moderation_log(query, party_id: uuid.UUID):
    """The party's chat moderation history, newest first (host/moderator)."""
    return moderation.log_page(party_id, current_user.id, query)


@blp.get("/<uuid:party_id>/stats/")
@auth_required
@blp.response(200, ChatStatsSchema)
def stats(party_id: uuid.UUID):
    """Chat statistics: totals, rate per minute, active senders, popular emojis."""
    return chat_stats(party_id, current_user.id)
