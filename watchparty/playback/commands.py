"""Applying a playback command to the state: the pure transition, and running it on a party.

A command is scheduled at `now + lead` and computed at that instant, so a pause freezes and
a seek lands on the same frame everywhere.
"""

from watchparty.live import presence
from watchparty.playback import ready, sync
from watchparty.playback.schemas import END, PAUSE, PLAY, RATE, SEEK, VIDEO

# Fields of the state that say what plays; a VIDEO command sets them all.
MEDIA = ("video_id", "media_url", "duration", "item_id", "title", "subtitle_track")
# A position this close to the end counts as the end (players stop a frame early).
END_SLACK = 0.05


def at_end(state: dict, position: float) -> bool:
    """Whether `position` is at the end of what plays (False when its length is unknown)."""
    duration = state.get("duration")
    return bool(duration) and position >= duration - END_SLACK


def apply(state: dict, cmd: dict, at: int) -> dict:
    """The state after `cmd` takes effect at server time `at` (pure)."""
    action, frozen = cmd["action"], round(sync.position_at(state, at), 3)
    new = state | {"seq": state["seq"] + 1, "at": at, "reason": action, "position": frozen}
    new |= {"advance_at": None, "up_next": None}  # any command overrides a pending advance
    if action in (PLAY, PAUSE):
        new |= {"playing": action == PLAY, "position": cmd.get("position", frozen)}
        if action == PLAY and "position" not in cmd and at_end(state, frozen):
            new["position"] = 0.0  # Play at the end replays
    elif action == SEEK:
        new["position"] = cmd["position"]
    elif action == RATE:
        new["rate"] = cmd["rate"]
    elif action == VIDEO:
        new |= {name: _text(cmd.get(name)) for name in MEDIA}
        new |= {"duration": cmd.get("duration"), "playing": bool(cmd.get("autoplay"))}
        new |= {"position": 0.0, "rate": 1.0, "dropped": []}
    elif action == END:
        new |= {"playing": False, "position": state.get("duration") or frozen}
    if action in (PLAY, PAUSE, VIDEO, END):  # an explicit command ends any wait-for-ready
        new |= {"waiting": [], "resume": False, "deadline": None}
    return new


def _text(value):
    return str(value) if value is not None else None


def run(party, cmd: dict) -> dict:
    """Apply `cmd` to the party at now + lead (a play may wait for unready members first):
    {seq, state}."""
    entries = list(presence.connections(party.id).values())
    lead, timeout = sync.lead_ms(entries), ready.timeout_ms()
    starts = cmd["action"] == PLAY or (cmd["action"] == VIDEO and cmd.get("autoplay"))

    def fn(state: dict, now: int) -> dict:
        new = apply(state, cmd, now + lead)
        unready = ready.unready_users(entries, new) if party.wait_for_ready else []
        if starts and cmd["action"] == PLAY and unready:
            return ready.hold(new, unready, now, timeout)
        return new

    state, _ = sync.change(party.id, fn, party)
    if state.get("resume"):
        ready.schedule(party.id, state["deadline"])
    return {"seq": state["seq"], "state": sync.public(state)}
