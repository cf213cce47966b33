"""REST views of voice chat and screen shares under /api/interactive/parties/<party_id>/
(seed 003's paths); the same services as the /rtc namespace."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import page_of
from watchparty.voice import manage, service, shares
from watchparty.voice.schemas import (
    ScreenShareSchema,
    ShareQuerySchema,
    VoiceChatSchema,
    VoiceManageResultSchema,
    VoiceManageSchema,
)

blp = Blueprint("voice", __name__, description="Voice chat and screen sharing (WebRTC)")

PARTY = "/parties/<uuid:party_id>"


@blp.get(f"{PARTY}/voice-chat/")
@auth_required
@blp.response(200, VoiceChatSchema)
def voice_chat(party_id: uuid.UUID):
    """The voice room (who is in, muted, camera, speaking, shares) and the caller's ICE servers."""
    return service.voice_chat(party_id, current_user.id)


@blp.post(f"{PARTY}/voice-chat/manage/")
@auth_required
@blp.arguments(VoiceManageSchema)
@blp.response(200, VoiceManageResultSchema)
def manage_voice(body, party_id: uuid.UUID):
    """Host/moderators: mute, unmute or remove a person; enable or disable voice."""
    return manage.manage(party_id, current_user.id, body["action"], body["user_id"])


@blp.get(f"{PARTY}/screen-shares/")
@auth_required
@blp.arguments(ShareQuerySchema, location="query")
@blp.response(200, page_of(ScreenShareSchema))
def list_screen_shares(query, party_id: uuid.UUID):
    """The party's active screen shares."""
    return shares.list_shares(party_id, current_user.id, **query)


@blp.post(f"{PARTY}/screen-shares/start/")
@auth_required
@blp.response(201, ScreenShareSchema)
def start_screen_share(party_id: uuid.UUID):
    """Start sharing one's screen (in voice; one active share per party by default)."""
    return shares.start(party_id, current_user.id)


@blp.post(f"{PARTY}/screen-shares/<uuid:share_id>/stop/")
@auth_required
@blp.response(200, ScreenShareSchema)
def stop_screen_share(party_id: uuid.UUID, share_id: uuid.UUID):
    """Stop a screen share (its owner or the host)."""
    return shares.stop(party_id, share_id, current_user.id)
