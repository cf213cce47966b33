"""Playback commands (play, pause, seek, rate, video): one service for socket and REST.

A command is scheduled at `now + lead` and computed at that instant, so a pause freezes and
a seek lands on the same frame everywhere. A repeated `cmd_id` (per party) is applied once:
the retry gets the first answer back, and nobody is sent a second `state`.
"""

import json
import uuid

from watchparty.errors import Conflict
from watchparty.extensions import socketio
from watchparty.live import presence
from watchparty.live.state import store
from watchparty.parties.access import get_party, require_control
from watchparty.parties.media import check_video
from watchparty.parties.models import ENDED
from watchparty.playback import ready, sync
from watchparty.playback.schemas import PAUSE, PLAY, RATE, SEEK, VIDEO

CMD_TTL = 600  # seconds a cmd_id is remembered: far longer than any client retries


def apply(state: dict, cmd: dict, at: int) -> dict:
    """The state after `cmd` takes effect at server time `at` (pure)."""
    action, frozen = cmd["action"], round(sync.position_at(state, at), 3)
    new = state | {"seq": state["seq"] + 1, "at": at, "reason": action, "position": frozen}
    if action in (PLAY, PAUSE):
        new |= {"playing": action == PLAY, "position": cmd.get("position", frozen)}
    elif action == SEEK:
        new["position"] = cmd["position"]
    elif action == RATE:
        new["rate"] = cmd["rate"]
    elif action == VIDEO:
        video_id = cmd.get("video_id")
        new |= {"video_id": str(video_id) if video_id else None, "media_url": cmd.get("media_url")}
        new |= {"playing": False, "position": 0.0, "rate": 1.0, "dropped": []}
    if action in (PLAY, PAUSE, VIDEO):  # an explicit command ends any wait-for-ready
        new |= {"waiting": [], "resume": False, "deadline": None}
    return new


def control(party_id: uuid.UUID, user_id: uuid.UUID, cmd: dict) -> dict:
    """Apply a playback command for a user allowed by the control policy: {seq, state}."""
    party = get_party(party_id)
    require_control(party, user_id)
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    if cmd["action"] == VIDEO and cmd.get("video_id"):
        check_video(cmd["video_id"], party.host_id)
    cmd_key = f"cmd:{party.id}:{cmd['cmd_id']}" if cmd.get("cmd_id") else None
    if cmd_key and (first := _claim(cmd_key)) is not None:
        return first | {"duplicate": True}
    try:
        result = _run(party, cmd)
    except Exception:
        if cmd_key:
            store().delete(cmd_key)  # not applied: a retry may try again
        raise
    if cmd_key:
        store().set(cmd_key, json.dumps(result), ttl=CMD_TTL)
    return result


def _run(party, cmd: dict) -> dict:
    entries = list(presence.connections(party.id).values())
    lead, timeout = sync.lead_ms(entries), ready.timeout_ms()

    def fn(state: dict, now: int) -> dict:
        new = apply(state, cmd, now + lead)
        unready = ready.unready_users(entries, new) if party.wait_for_ready else []
        if cmd["action"] == PLAY and unready:
            return ready.hold(new, unready, now, timeout)
        return new

    state, _ = sync.change(party.id, fn, party)
    if state.get("resume"):
        ready.schedule(party.id, state["deadline"])
    return {"seq": state["seq"], "state": sync.public(state)}


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
