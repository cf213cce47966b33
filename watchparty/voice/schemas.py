"""Schemas of voice chat and screen shares: socket payloads on /rtc, REST bodies and views."""

import json
from datetime import UTC, datetime

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import UTCDateTimeField
from watchparty.common.types import iso

SIGNAL_KINDS = ("offer", "answer", "ice")
MAX_SIGNAL_BYTES = 32_768  # an SDP offer with audio, video and a screen stays well below
# Seed 003 writes `mute_user`; the short names are accepted too.
ACTIONS = {
    "mute": "mute",
    "mute_user": "mute",
    "unmute": "unmute",
    "unmute_user": "unmute",
    "remove": "remove",
    "remove_user": "remove",
    "enable": "enable",
    "enable_voice": "enable",
    "disable": "disable",
    "disable_voice": "disable",
}
NEEDS_USER = ("mute", "unmute", "remove")


class _Input(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE


class RtcPartySchema(_Input):
    """`{party_id}` of a socket event."""

    party_id = ma.fields.UUID(required=True)


class RtcJoinSchema(RtcPartySchema):
    """`join {party_id, muted, camera}`: enter the party's voice room."""

    muted = ma.fields.Boolean(load_default=False)
    camera = ma.fields.Boolean(load_default=False)


class RtcMediaSchema(RtcPartySchema):
    """`media {party_id, muted?, camera?, speaking?}`: one's own flags."""

    muted = ma.fields.Boolean()
    camera = ma.fields.Boolean()
    speaking = ma.fields.Boolean()

    @ma.validates_schema
    def something(self, data, **kwargs):
        if not {"muted", "camera", "speaking"} & set(data):
            raise ma.ValidationError("Send muted, camera or speaking.", "_schema")


class RtcSignalSchema(RtcPartySchema):
    """`signal {party_id, to, kind, data}`: an offer, answer or ICE candidate for one peer."""

    to = ma.fields.UUID(required=True)
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf(SIGNAL_KINDS))
    data = ma.fields.Dict(keys=ma.fields.String(), required=True)

    @ma.validates("data")
    def small(self, value, **kwargs):
        if len(json.dumps(value)) > MAX_SIGNAL_BYTES:
            raise ma.ValidationError(f"At most {MAX_SIGNAL_BYTES} bytes of signalling.")


class RtcShareRefSchema(RtcPartySchema):
    """`screen_stop {party_id, share_id}`."""

    share_id = ma.fields.UUID(required=True)


class VoiceManageSchema(_Input):
    """`{action, user_id}`: mute, unmute or remove a person; enable or disable voice."""

    action = ma.fields.String(required=True, validate=ma.validate.OneOf(list(ACTIONS)))
    user_id = ma.fields.UUID(load_default=None)

    @ma.validates_schema
    def user_for_action(self, data, **kwargs):
        if ACTIONS.get(data.get("action")) in NEEDS_USER and data.get("user_id") is None:
            raise ma.ValidationError("Name the person (user_id).", "user_id")

    @ma.post_load
    def short_action(self, data, **kwargs):
        data["action"] = ACTIONS[data["action"]]
        return data


class ShareQuerySchema(PageQuerySchema):
    """`page`, `page_size` of the screen-share list."""


class MsTime(ma.fields.Field):
    """Epoch milliseconds (as the live store keeps them) shown as ISO 8601 UTC."""

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else iso(datetime.fromtimestamp(value / 1000, UTC))


def _brief():
    return ma.fields.Raw(dump_only=True, metadata={"description": "UserBrief of the person"})


class VoicePeerSchema(ma.Schema):
    """One person in voice chat and their flags."""

    user_id = ma.fields.UUID(dump_only=True)
    user = _brief()
    muted = ma.fields.Boolean(dump_only=True)
    muted_by_moderator = ma.fields.Boolean(dump_only=True)
    camera = ma.fields.Boolean(dump_only=True)
    speaking = ma.fields.Boolean(dump_only=True)
    joined_at = MsTime(dump_only=True, metadata={"type": "string", "format": "date-time"})


class ScreenShareSchema(ma.Schema):
    """One screen share: who shares, since when (and when it ended, once stopped)."""

    id = ma.fields.UUID(dump_only=True)
    user_id = ma.fields.UUID(dump_only=True)
    user = _brief()
    started_at = MsTime(dump_only=True, metadata={"type": "string", "format": "date-time"})
    ended_at = MsTime(dump_only=True, metadata={"type": "string", "format": "date-time"})


class VoiceRoomSchema(ma.Schema):
    """A party's voice room: on or off, the cap, who is in and who shares a screen."""

    party_id = ma.fields.UUID(dump_only=True)
    enabled = ma.fields.Boolean(dump_only=True)
    max_peers = ma.fields.Integer(dump_only=True)
    peers = ma.fields.List(ma.fields.Nested(VoicePeerSchema), dump_only=True)
    shares = ma.fields.List(ma.fields.Nested(ScreenShareSchema), dump_only=True)


class IceServerSchema(ma.Schema):
    """One entry of RTCPeerConnection's `iceServers`."""

    urls = ma.fields.List(ma.fields.String(), dump_only=True)
    username = ma.fields.String(dump_only=True)
    credential = ma.fields.String(dump_only=True)


class VoiceChatSchema(VoiceRoomSchema):
    """The voice room plus the caller's ICE servers (TURN credentials expire at `expires_at`)."""

    ice_servers = ma.fields.List(ma.fields.Nested(IceServerSchema), dump_only=True)
    turn = ma.fields.Boolean(dump_only=True, metadata={"description": "false: STUN only"})
    note = ma.fields.String(dump_only=True)
    ttl = ma.fields.Integer(dump_only=True)
    expires_at = UTCDateTimeField(dump_only=True)


class VoiceManageResultSchema(ma.Schema):
    """What a manage action did and the voice room after it."""

    action = ma.fields.String(dump_only=True)
    user_id = ma.fields.UUID(dump_only=True, allow_none=True)
    voice = ma.fields.Nested(VoiceRoomSchema, dump_only=True)
