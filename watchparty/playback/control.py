"""Playback commands (play, pause, seek, rate, video): one service for socket and REST.

Who may send them is the party's control policy. A repeated `cmd_id` (per party) is applied
once: the retry gets the first answer back, and nobody is sent a second `state`. "video" (the
old "change video") is play-now on the queue: the media becomes the queue's current item.
"""

import json
import uuid

from watchparty.errors import Conflict
from watchparty.extensions import socketio
from watchparty.live.state import store
from watchparty.parties.access import get_party, require_control
from watchparty.parties.models import ENDED
from watchparty.playback import commands, queue
from watchparty.playback.schemas import VIDEO

CMD_TTL = 600  # seconds a cmd_id is remembered: far longer than any client retries


def control(party_id: uuid.UUID, user_id: uuid.UUID, cmd: dict) -> dict:
    """Apply a playback command for a user allowed by the control policy: {seq, state}."""
    party = get_party(party_id)
    require_control(party, user_id)
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    cmd_key = f"cmd:{party.id}:{cmd['cmd_id']}" if cmd.get("cmd_id") else None
    if cmd_key and (first := _claim(cmd_key)) is not None:
        return first | {"duplicate": True}
    try:
        if cmd["action"] == VIDEO:
            result = queue.play_media(party, user_id, cmd)
        else:
            result = commands.run(party, cmd)
    except Exception:
        if cmd_key:
            store().delete(cmd_key)  # not applied: a retry may try again
        raise
    if cmd_key:
        store().set(cmd_key, json.dumps(result), ttl=CMD_TTL)
    return result


def _claim(cmd_key: str) -> dict | None:
    """None if this call owns the command; else the first call's result (waits for it)."""
    for _ in range(100):
        if store().set(cmd_key, "", ttl=CMD_TTL, nx=True):
            return None
        raw = store().get(cmd_key)
        if raw:
            return json.loads(raw)
        socketio.sleep(0.02)  # the first call is still applying it (maybe on another process)
    raise Conflict("This command is still being applied.", code="command_in_progress")
