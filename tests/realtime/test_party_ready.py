"""Wait-for-ready: pause while a member buffers, resume when all are ready or on timeout."""

import json
import uuid

import pytest

from tests.realtime.partykit import control
from watchparty.live.state import server_ms, store
from watchparty.playback import ready, sync


@pytest.fixture
def room(parties):
    """A playing wait-for-ready party: the host's socket, two viewers (socket, user), state."""
    party = parties.create(wait_for_ready=True)
    host = parties.host(party)
    viewers = []
    for _ in range(2):
        user = parties.add(party)
        viewers.append((parties.join(user, party)[0], user))
    state = control(host, party, "play", position=0.0)["state"]
    return party, host, viewers, state


def buffering(socket, party, value: bool) -> dict:
    ack = socket.call(
        "report", {"party_id": str(party.id), "position": 0, "playing": False, "buffering": value}
    )
    assert ack["ok"], ack
    return ack


def set_ready(socket, party, value: bool) -> dict:
    ack = socket.call("ready", {"party_id": str(party.id), "ready": value})
    assert ack["ok"], ack
    return ack


def waiting_state(socket, seq_after: int, timeout: float = 5) -> dict:
    return socket.wait_for("state", lambda s: s["seq"] > seq_after, timeout=timeout)


def test_group_pauses_while_a_member_buffers_and_resumes_when_ready(room):
    party, host, [(viewer, user), _], state = room
    buffering(viewer, party, True)
    paused = waiting_state(host, state["seq"])
    assert paused["playing"] is False and paused["reason"] == "waiting"
    assert paused["waiting"] == [str(user.id)]
    buffering(viewer, party, False)
    resumed = waiting_state(host, paused["seq"])
    assert resumed["playing"] is True and resumed["reason"] == "ready"
    assert resumed["position"] == paused["position"] and resumed["waiting"] == []
    assert resumed["at"] >= paused["at"]


def test_group_waits_for_every_laggard(room):
    party, host, [(first, _), (second, user2)], state = room
    set_ready(first, party, False)
    set_ready(second, party, False)
    both = host.wait_for("state", lambda s: len(s["waiting"]) == 2)
    set_ready(first, party, True)
    one = waiting_state(host, both["seq"])
    assert one["playing"] is False and one["waiting"] == [str(user2.id)]
    set_ready(second, party, True)
    assert waiting_state(host, one["seq"])["playing"] is True


def test_timeout_drops_the_laggard_without_ping_pong(room, app, monkeypatch):
    monkeypatch.setitem(app.config, "READY_TIMEOUT_MS", 200)
    party, host, [(viewer, _), _], state = room
    buffering(viewer, party, True)
    paused = waiting_state(host, state["seq"])
    resumed = waiting_state(host, paused["seq"])  # the timer, nobody said ready
    assert resumed["playing"] is True and resumed["reason"] == "timeout"
    buffering(viewer, party, True)  # still buffering: dropped, so no new pause
    assert host.call("time", {"t0": 0})["ok"]
    assert [s for s in host.received("state") if s["seq"] > resumed["seq"]] == []
    buffering(viewer, party, False)  # ready once: it may pause the group again
    buffering(viewer, party, True)
    again = waiting_state(host, resumed["seq"])
    assert again["playing"] is False and again["reason"] == "waiting"


def test_expired_wait_ends_on_any_event_when_its_timer_is_gone(room, app, monkeypatch):
    monkeypatch.setitem(app.config, "READY_TIMEOUT_MS", 60_000)
    party, host, [(viewer, _), (other, _)], state = room
    buffering(viewer, party, True)
    paused = waiting_state(host, state["seq"])

    def past_deadline(raw):
        return json.dumps(json.loads(raw) | {"deadline": server_ms() - 1})

    store().update(sync.key(party.id), past_deadline)  # as if the timer's process died
    assert other.call("time", {"t0": 0})["ok"]
    resumed = waiting_state(host, paused["seq"])
    assert resumed["playing"] is True and resumed["reason"] == "timeout"


def test_play_waits_for_members_who_are_not_ready(parties):
    party = parties.create(wait_for_ready=True)
    host = parties.host(party)
    user = parties.add(party)
    viewer, _ = parties.join(user, party)
    set_ready(viewer, party, False)
    held = control(host, party, "play")["state"]
    assert held["playing"] is False and held["reason"] == "waiting"
    assert held["waiting"] == [str(user.id)]
    set_ready(viewer, party, True)
    assert waiting_state(host, held["seq"])["playing"] is True


def test_member_who_leaves_is_not_waited_for(room):
    party, host, [(viewer, _), _], state = room
    set_ready(viewer, party, False)
    paused = waiting_state(host, state["seq"])
    viewer.close()
    resumed = waiting_state(host, paused["seq"])
    assert resumed["playing"] is True and resumed["reason"] == "ready"


def test_explicit_pause_ends_the_wait(room, app, monkeypatch):
    party, host, [(viewer, _), _], state = room
    set_ready(viewer, party, False)
    waiting_state(host, state["seq"])
    paused = control(host, party, "pause")["state"]
    assert paused["waiting"] == [] and paused["reason"] == "pause"
    set_ready(viewer, party, True)
    assert host.call("time", {"t0": 0})["ok"]
    assert [s for s in host.received("state") if s["seq"] > paused["seq"]] == []


def test_buffering_does_not_pause_a_party_without_wait_for_ready(parties):
    party = parties.create(wait_for_ready=False)
    host = parties.host(party)
    viewer, _ = parties.join(parties.add(party), party)
    played = control(host, party, "play")["state"]
    buffering(viewer, party, True)
    set_ready(viewer, party, False)
    assert host.call("time", {"t0": 0})["ok"]
    assert [s for s in host.received("state") if s["seq"] > played["seq"]] == []


def test_ready_from_a_stranger_to_a_private_party_is_a_missing_party(room, sockets, parties):
    party = room[0]
    ack = sockets(parties.person(), "/party").call("ready", {"party_id": str(party.id), "ready": 1})
    assert ack["ok"] is False and ack["error"] == "party_not_found"


def test_a_wait_timer_for_a_deleted_party_ends_quietly(app, caplog):
    ready._alarm(app, str(uuid.uuid4()), server_ms())
    assert [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")] == []
