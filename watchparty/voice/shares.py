"""Screen shares: a member in voice starts one (VOICE_MAX_SHARES at once per party, default
one); its owner or the host stops it; it ends by itself when its owner leaves voice."""

import uuid

from flask import current_app

from watchparty.common.pagination import page_dict
from watchparty.common.realtime import RTC_NS, room
from watchparty.errors import Conflict, Forbidden, NotFound
from watchparty.extensions import socketio
from watchparty.live.state import server_ms
from watchparty.parties.access import get_party, require_member
from watchparty.parties.models import HOST
from watchparty.voice import service, state


def list_shares(party_id: uuid.UUID, user_id: uuid.UUID, page: int, page_size: int) -> dict:
    """The party's active screen shares, oldest first (members only)."""
    party = get_party(party_id)
    require_member(party, user_id)
    shares = service.view(party, state.read(party.id))["shares"]
    start = (page - 1) * page_size
    return page_dict(shares[start : start + page_size], len(shares), page, page_size)


def start(party_id: uuid.UUID, user_id: uuid.UUID, sid: str | None = None) -> dict:
    """Start sharing one's screen (one must be in voice; the party's share limit applies)."""
    party = get_party(party_id)
    require_member(party, user_id)
    me, most = str(user_id), current_app.config["VOICE_MAX_SHARES"]

    def begin(voice: dict) -> dict:
        peer = voice["peers"].get(me)
        if peer is None or (sid is not None and peer["sid"] != sid):
            raise Conflict("Join voice chat before sharing your screen.", code="not_in_voice")
        if any(share["user_id"] == me for share in voice["shares"].values()):
            raise Conflict("You are already sharing your screen.", code="already_sharing")
        if len(voice["shares"]) >= most:
            raise Conflict("Someone is already sharing a screen.", code="share_active")
        share = {"id": str(uuid.uuid4()), "user_id": me, "user": peer["user"]}
        voice["shares"][share["id"]] = share | {"started_at": server_ms()}
        return voice["shares"][share["id"]]

    voice, share = state.change(party.id, begin)
    _announce(party, voice, share, "started")
    return share


def stop(party_id: uuid.UUID, share_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """Stop a screen share (its owner or the host)."""
    party = get_party(party_id)
    row = require_member(party, user_id)

    def end(voice: dict) -> dict:
        share = voice["shares"].get(str(share_id))
        if share is None:
            raise NotFound("No such screen share.", code="share_not_found")
        if share["user_id"] != str(user_id) and row.role != HOST:
            raise Forbidden("Only its owner or the host stops a screen share.", code="not_owner")
        return voice["shares"].pop(str(share_id))

    voice, share = state.change(party.id, end)
    share["ended_at"] = server_ms()
    _announce(party, voice, share, "stopped")
    return share


def _announce(party, voice: dict, share: dict, what: str) -> None:
    payload = {"party_id": str(party.id), "share_id": share["id"], "user_id": share["user_id"]}
    payload["action"] = what
    socketio.emit("screen_share", payload, namespace=RTC_NS, to=room(party.id))
    service.broadcast(party, voice)
