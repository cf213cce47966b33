"""Hosts and moderators manage voice: mute, unmute, remove a person; turn voice on or off."""

import uuid

from watchparty.common.realtime import RTC_NS, room
from watchparty.errors import Forbidden, NotFound
from watchparty.extensions import db, socketio
from watchparty.live import rooms
from watchparty.parties import broadcast
from watchparty.parties.access import active_member, get_party, require_moderator
from watchparty.parties.models import HOST
from watchparty.parties.schemas import dump_party
from watchparty.voice import service, state


def manage(party_id: uuid.UUID, actor_id: uuid.UUID, action: str, user_id=None) -> dict:
    """Apply one action (mute, unmute, remove, enable, disable): {action, user_id, voice}."""
    party = get_party(party_id)
    actor = require_moderator(party, actor_id)
    if action in ("enable", "disable"):
        voice = _switch(party, action == "enable")
    else:
        target = active_member(party, user_id)
        if target is None:
            raise NotFound("That person is not a member of this party.", code="user_not_found")
        if target.role == HOST and actor.role != HOST:
            raise Forbidden("Only the host manages the host's voice.", code="cannot_manage_host")
        voice = ACTIONS[action](party, str(user_id))
    return {"action": action, "user_id": user_id, "voice": service.view(party, voice)}


def _mute(party, user_id: str) -> dict:
    def apply(voice: dict):
        if user_id not in voice["forced"]:
            voice["forced"].append(user_id)
        peer = voice["peers"].get(user_id)
        if peer is not None:
            peer.update(muted=True, speaking=False)
        return peer

    voice, peer = state.change(party.id, apply)
    _tell(peer, "voice_muted", party.id)
    service.broadcast(party, voice)
    return voice


def _unmute(party, user_id: str) -> dict:
    def apply(voice: dict):
        if user_id in voice["forced"]:
            voice["forced"].remove(user_id)
        return voice["peers"].get(user_id)

    voice, peer = state.change(party.id, apply)
    _tell(peer, "voice_unmuted", party.id)  # they may unmute themselves again
    service.broadcast(party, voice)
    return voice


def _remove(party, user_id: str) -> dict:
    service.remove(party.id, uuid.UUID(user_id))
    return state.read(party.id)


def _switch(party, on: bool) -> dict:
    """Turn voice on or off for the party; off takes everyone out of the voice room."""
    party.voice_enabled = on
    db.session.commit()
    # Everyone in the room (in voice or not) sees the switch without reloading.
    broadcast.emit("party", {"party_id": str(party.id), "party": dump_party(party)}, party.id)
    if on:
        return state.read(party.id)
    voice, gone = state.change(party.id, _empty_room)
    note = {"party_id": str(party.id)}
    socketio.emit("voice_disabled", note, namespace=RTC_NS, to=room(party.id))
    for user_id in gone:
        rooms.cut_off(RTC_NS, party.id, uuid.UUID(user_id))
    return voice


def _empty_room(voice: dict) -> list[str]:
    gone = list(voice["peers"])
    voice["peers"].clear()
    voice["shares"].clear()
    return gone


def _tell(peer: dict | None, event: str, party_id) -> None:
    if peer is not None:
        socketio.emit(event, {"party_id": str(party_id)}, namespace=RTC_NS, to=peer["sid"])


ACTIONS = {"mute": _mute, "unmute": _unmute, "remove": _remove}
