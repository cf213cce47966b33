"""The voice room's rules: who may join, the cap, flags, and relaying signalling to one peer.

Membership is checked when a user joins voice; after that the voice room itself is the
permission (a kicked or banned member is taken out of it through `parties.broadcast.removed`),
so relaying an ICE candidate costs one live-store read and no database query.
"""

import uuid
from contextlib import suppress

from flask import current_app

from watchparty.common.realtime import RTC_NS, room
from watchparty.errors import Conflict, Forbidden, NotFound, ValidationError
from watchparty.extensions import socketio
from watchparty.live import limits, presence, rooms
from watchparty.parties.access import get_party, require_member
from watchparty.parties.models import ENDED, Party
from watchparty.users.schemas import dump_brief
from watchparty.voice import state
from watchparty.voice.schemas import VoiceRoomSchema
from watchparty.voice.turn import ice_servers


def view(party: Party, voice: dict) -> dict:
    """The voice room as VoiceRoomSchema shows it (no connection ids)."""
    forced = set(voice["forced"])
    peers = [
        {**peer, "user_id": user_id, "muted_by_moderator": user_id in forced}
        for user_id, peer in voice["peers"].items()
    ]
    return {
        "party_id": party.id,
        "enabled": party.voice_enabled,
        "max_peers": current_app.config["VOICE_MAX_PEERS"],
        "peers": sorted(peers, key=lambda peer: peer["joined_at"]),
        "shares": sorted(voice["shares"].values(), key=lambda share: share["started_at"]),
    }


def broadcast(party: Party, voice: dict) -> dict:
    """Send `voice_state` to everyone in the party's voice room; the view sent."""
    shown = view(party, voice)
    socketio.emit("voice_state", _dumped(shown), namespace=RTC_NS, to=room(party.id))
    return shown


def _dumped(shown: dict) -> dict:
    return ROOM.dump(shown)


def voice_chat(party_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """The room's state and the caller's ICE servers (members only)."""
    party = get_party(party_id)
    require_member(party, user_id)
    return view(party, state.read(party.id)) | ice_servers(user_id)


def join(party_id: uuid.UUID, user, sid: str, muted: bool, camera: bool) -> dict:
    """Join the party's voice room from connection `sid` (a second connection takes over)."""
    party = get_party(party_id)
    require_member(party, user.id)
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    if not party.voice_enabled:
        raise Forbidden("Voice chat is turned off in this party.", code="voice_disabled")
    cap, me, brief = current_app.config["VOICE_MAX_PEERS"], str(user.id), dump_brief(user)
    presence.mark_alive()

    def enter(voice: dict):
        old = voice["peers"].get(me)
        if old is None and len(voice["peers"]) >= cap:
            raise Conflict(
                f"Voice chat is full: at most {cap} people talk at once.",
                code="voice_full",
                detail=f"VOICE_MAX_PEERS is {cap}.",
            )
        forced = me in voice["forced"]
        voice["peers"][me] = state.new_peer(brief, sid, muted or forced, camera)
        return old

    voice, old = state.change(party.id, enter)
    if old is not None and old["sid"] != sid:
        note = {"party_id": str(party.id)}
        socketio.emit("voice_replaced", note, namespace=RTC_NS, to=old["sid"])
        rooms.leave(RTC_NS, party.id, user.id, old["sid"])
    rooms.enter(RTC_NS, party.id, user.id, sid)
    return broadcast(party, voice)


def leave(party_id: uuid.UUID, user_id: uuid.UUID, sid: str | None = None) -> bool:
    """Leave voice (only the connection holding it, when `sid` is given); whether one left."""
    me = str(user_id)

    def out(voice: dict):
        peer = voice["peers"].get(me)
        if peer is None or (sid is not None and peer["sid"] != sid):
            return None
        return state.drop_peer(voice, me)

    voice, peer = state.change(party_id, out)
    if peer is None:
        return False
    rooms.leave(RTC_NS, party_id, user_id, peer["sid"])
    with suppress(NotFound):  # a deleted party: nobody left to tell
        broadcast(get_party(party_id), voice)
    return True


def prune(party_id: uuid.UUID) -> bool:
    """Drop peers held by dead processes and tell those still in voice; whether any went."""
    voice = state.prune(party_id)
    if voice is None:
        return False
    with suppress(NotFound):
        broadcast(get_party(party_id), voice)
    return True


def remove(party_id: uuid.UUID, user_id: uuid.UUID, event: str = "voice_removed") -> bool:
    """Tell a person's voice connection `event`, then take them out of voice."""
    peer = state.read(party_id)["peers"].get(str(user_id))
    if peer is None:
        return False
    socketio.emit(event, {"party_id": str(party_id)}, namespace=RTC_NS, to=peer["sid"])
    return leave(party_id, user_id)


def set_media(party_id: uuid.UUID, user_id: uuid.UUID, sid: str, changes: dict) -> dict:
    """Change one's own flags (muted, camera, speaking); unmuting needs no moderator's mute."""
    me = str(user_id)
    limits.take(f"rtc:media:{me}", 10, 30, "Too many voice updates; slow down.")

    def apply(voice: dict):
        peer = _own_peer(voice, me, sid)
        if changes.get("muted") is False and me in voice["forced"]:
            raise Forbidden("A host or moderator muted you.", code="muted_by_moderator")
        if peer.get("muted") or changes.get("muted"):
            changes["speaking"] = False
        peer.update(changes)

    voice, _ = state.change(party_id, apply)
    return broadcast(get_party(party_id), voice)


def _own_peer(voice: dict, me: str, sid: str) -> dict:
    peer = voice["peers"].get(me)
    if peer is None or peer["sid"] != sid:
        raise Conflict("Join voice chat first.", code="not_in_voice")
    return peer


def signal(party_id: uuid.UUID, user_id: uuid.UUID, sid: str, to: uuid.UUID, kind, data) -> dict:
    """Relay an offer, answer or ICE candidate to one peer; both must be in this voice room."""
    me, target = str(user_id), str(to)
    if me == target:
        raise ValidationError(errors={"to": ["Send signalling to another peer."]})
    limits.take(f"rtc:signal:{sid}", 50, 200, "Too much signalling; slow down.")
    voice = state.read(party_id)
    _own_peer(voice, me, sid)
    if me in voice["forced"]:
        raise Forbidden("A host or moderator muted you.", code="muted_by_moderator")
    peer = voice["peers"].get(target)
    if peer is None:
        raise NotFound("That person is not in this voice chat.", code="peer_not_in_voice")
    payload = {"party_id": str(party_id), "from": me, "kind": kind, "data": data}
    socketio.emit("signal", payload, namespace=RTC_NS, to=peer["sid"])
    return {"to": target, "delivered": True}


ROOM = VoiceRoomSchema()
