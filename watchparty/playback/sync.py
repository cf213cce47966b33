"""The authoritative playback state of each party, kept in the live store.

A state says: from server time `at` (epoch ms) the video is at `position` seconds and, while
`playing`, advances at `rate`. It changes only inside `store().update`, so commands arriving
at two processes at once serialize and `seq` strictly increases. `at` is usually a little in
the future (the lead), sized so the slowest listener still receives the state before it
applies: every client then starts, stops or jumps on the same frame.

Besides the public fields, the stored JSON keeps the wait-for-ready bookkeeping (`resume`,
`deadline`, `dropped`) so it changes atomically with the playback it governs.
"""

import json
import math
import uuid
from collections.abc import Callable

from flask import current_app
from sqlalchemy import case, func, update

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.live import presence
from watchparty.live.state import server_ms, store
from watchparty.parties import broadcast
from watchparty.parties import service as parties
from watchparty.parties.access import get_party
from watchparty.parties.models import ENDED, LIVE, PAUSED, Party
from watchparty.videos.models import Video

PUBLIC = ("party_id", "seq", "video_id", "media_url", "playing", "position", "rate", "at")
PUBLIC += ("duration", "item_id", "title", "subtitle_track")
PUBLIC_EXTRA = ("reason", "waiting", "advance_at", "up_next")
# Lead = p95 of the room's one-way delays (rtt/2) + margin, clamped: enough for nearly every
# client to hold the state before `at`, small enough that a command still feels instant.

Change = Callable[[dict, int], dict | None]


def key(party_id) -> str:
    """The live-store key of a party's playback state."""
    return f"playback:{party_id}"


def public(state: dict) -> dict:
    """The state as clients see it (`state` event, join snapshot)."""
    return {name: state.get(name) for name in PUBLIC + PUBLIC_EXTRA} | {
        "waiting": list(state.get("waiting") or [])
    }


def position_at(state: dict, t_ms: float) -> float:
    """Where the video is at server time `t_ms` according to `state`."""
    if not state["playing"] or t_ms <= state["at"]:
        return state["position"]
    return state["position"] + (t_ms - state["at"]) / 1000 * state["rate"]


def snapshot(state: dict, now: int) -> dict:
    """The public state re-expressed at `now` when it is already running (late joiners)."""
    view = public(state)
    if state["playing"] and state["at"] < now:
        position = position_at(state, now)
        if state.get("duration"):  # past the end but not yet marked ended: hold the last frame
            position = min(position, state["duration"])
        view.update(position=round(position, 3), at=now)
    return view


def initial(party: Party) -> dict:
    """A party's state when the live store has none: its persisted playback, or paused at 0."""
    saved = dict(party.playback or {})
    state = {
        "party_id": str(party.id),
        "seq": 0,
        "video_id": str(party.video_id) if party.video_id else None,
        "media_url": party.media_url,
        "playing": False,
        "position": 0.0,
        "rate": 1.0,
        "at": server_ms(),
        "reason": None,
        "waiting": [],
    } | _media_of(party)
    if saved.get("seq"):
        # +1: clients holding the last broadcast seq must accept what follows this restore.
        state |= {k: saved[k] for k in PUBLIC if k in saved} | {"seq": saved["seq"] + 1}
        state["playing"] = bool(saved.get("playing")) and party.status != ENDED
    return state


def _media_of(party: Party) -> dict:
    """Length and title of what a party was created with (a video's, or its probed URL's)."""
    video = db.session.get(Video, party.video_id) if party.video_id else None
    if video is not None:
        return {"duration": video.duration, "title": video.title, "item_id": None}
    return {"duration": party.media_duration, "title": None, "item_id": None} | {
        "subtitle_track": None
    }


def current(party_id, party: Party | None = None) -> dict:
    """The party's live state, initialized from the database if the store has none."""
    raw = store().get(key(party_id))
    if raw is None:
        store().set(key(party_id), json.dumps(initial(party or get_party(party_id))), nx=True)
        raw = store().get(key(party_id))
    return json.loads(raw)


def change(party_id, fn: Change, party: Party | None = None) -> tuple[dict, bool]:
    """Apply `fn(state, now) -> new | None` atomically; broadcast and persist a new seq.

    Returns (state, changed): `changed` is whether clients were sent a new state.
    """
    current(party_id, party)
    seen: dict = {}

    def step(raw: str | None) -> str | None:
        old = json.loads(raw) if raw else initial(party or get_party(party_id))
        new = fn(old, server_ms())
        seen.update(old=old, new=new)
        return json.dumps(new) if new is not None else None

    stored = json.loads(store().update(key(party_id), step))
    changed = seen.get("new") is not None and stored["seq"] != seen["old"]["seq"]
    if changed:
        broadcast.emit("state", public(stored), party_id)
        persist(party_id, stored)
        # Imported here: ending builds on this module (it changes states too).
        from watchparty.playback import ending

        ending.watch(party_id, stored)
    return stored, changed


def persist(party_id, state: dict) -> None:
    """Save the state on the party row (status live/paused) so a restart resumes it."""
    playing = bool(state["playing"])
    values = {
        "playback": public(state),
        "status": case((Party.status == LIVE, PAUSED), else_=Party.status) if not playing else LIVE,
    }
    # The first play starts the party: claimed once, announced after the commit.
    first = playing and parties.claim_start(party_id_value(party_id))
    if playing:
        values["started_at"] = func.coalesce(Party.started_at, utcnow())
    if state.get("reason") == "video":  # the row says what plays: video access rules read it
        values["video_id"] = uuid.UUID(state["video_id"]) if state.get("video_id") else None
        values["media_url"] = state.get("media_url")
    db.session.execute(
        update(Party)
        .where(Party.id == party_id_value(party_id), Party.status != ENDED)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if first:
        parties.announce_started(party_id_value(party_id))


def party_id_value(party_id):
    """A UUID for the party id, whatever form it came in."""
    return party_id if isinstance(party_id, uuid.UUID) else uuid.UUID(str(party_id))


def lead_ms(entries) -> int:
    """How far ahead to schedule a change: p95 one-way delay of the room + margin."""
    delays = sorted(e["rtt"] / 2 for e in entries if isinstance(e.get("rtt"), int | float))
    if not delays:
        return 0
    p95 = delays[max(0, math.ceil(len(delays) * 0.95) - 1)]
    margin = current_app.config["SYNC_LEAD_MARGIN_MS"]
    limit = current_app.config["SYNC_MAX_LEAD_MS"]
    return int(min(max(p95 + margin, 0), limit))


def room_lead(party_id) -> int:
    """The lead for the party's currently connected clients."""
    return lead_ms(presence.connections(party_id).values())
