"""The /rtc namespace: join and leave a party's voice room, flags, WebRTC signalling, shares."""

from flask import request

from watchparty.common.realtime import joined_parties
from watchparty.live import rooms
from watchparty.live.sockets import AuthedNamespace, acked, current_user, current_user_id
from watchparty.voice import service, shares
from watchparty.voice.schemas import (
    RtcJoinSchema,
    RtcMediaSchema,
    RtcPartySchema,
    RtcShareRefSchema,
    RtcSignalSchema,
    ScreenShareSchema,
)


class RtcNamespace(AuthedNamespace):
    """Members talk: voice-room presence and signalling relayed to one peer at a time."""

    def disconnected(self, user_id) -> None:
        """Connection closed: leave every voice room it held (ending its screen shares)."""
        for party_id in joined_parties(self.server, request.sid, self.namespace):
            service.leave(party_id, user_id, request.sid)
        rooms.forget(self.namespace, user_id, request.sid)

    @acked(RtcJoinSchema)
    def on_join(self, data):
        """A member joins voice (also how a reconnect re-announces): ack {voice}."""
        args = (data["party_id"], current_user(), request.sid, data["muted"], data["camera"])
        return {"voice": service.ROOM.dump(service.join(*args))}

    @acked(RtcPartySchema)
    def on_leave(self, data):
        """A member leaves voice: ack {left}."""
        return {"left": service.leave(data["party_id"], current_user_id(), request.sid)}

    @acked(RtcMediaSchema)
    def on_media(self, data):
        """A member in voice changes muted, camera or speaking: ack {voice}."""
        party_id = data.pop("party_id")
        voice = service.set_media(party_id, current_user_id(), request.sid, data)
        return {"voice": service.ROOM.dump(voice)}

    @acked(RtcSignalSchema)
    def on_signal(self, data):
        """Offer, answer or ICE candidate for one peer in the same voice room: ack {to}."""
        args = (data["party_id"], current_user_id(), request.sid, data["to"])
        return service.signal(*args, data["kind"], data["data"])

    @acked(RtcPartySchema)
    def on_screen_start(self, data):
        """A member in voice starts sharing their screen: ack {share}."""
        share = shares.start(data["party_id"], current_user_id(), request.sid)
        return {"share": SHARE.dump(share)}

    @acked(RtcShareRefSchema)
    def on_screen_stop(self, data):
        """The owner or the host stops a screen share: ack {share}."""
        share = shares.stop(data["party_id"], data["share_id"], current_user_id())
        return {"share": SHARE.dump(share)}


SHARE = ScreenShareSchema()
