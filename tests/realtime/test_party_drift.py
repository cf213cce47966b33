"""/party `report` -> `correct`: rate nudges for small drift, scheduled seeks for large."""

import pytest

from tests.realtime.partykit import control, position_at
from watchparty.live import presence
from watchparty.live.state import server_ms


@pytest.fixture
def playing(parties):
    """A playing party (scheduled with no lead: nobody reported yet) and a joined viewer."""
    party = parties.create(wait_for_ready=False)
    host = parties.host(party)
    viewer_user = parties.add(party)
    viewer, _ = parties.join(viewer_user, party)
    state = control(host, party, "play", position=100.0)["state"]
    viewer.wait_for("state", lambda s: s["seq"] == state["seq"])
    return party, viewer, viewer_user, state


def report(socket, party, state, ahead_s: float, **fields) -> dict:
    """Report a position `ahead_s` ahead of where `state` says we should be."""
    now = server_ms()
    payload = {
        "party_id": str(party.id),
        "position": position_at(state, now) + ahead_s,
        "playing": state["playing"],
        "buffering": False,
        "rtt": 20,
        "sampled_at": now,
    } | fields
    ack = socket.call("report", payload)
    assert ack["ok"], ack
    return ack


def test_small_drift_ahead_is_corrected_by_a_slower_rate(playing):
    party, viewer, _, state = playing
    ack = report(viewer, party, state, 0.15)
    fix = viewer.wait_for("correct")
    assert fix["action"] == "rate" and 0.9 <= fix["rate"] < 1.0
    assert fix["drift_ms"] == pytest.approx(150, abs=5) and ack["correction"] == fix


def test_small_drift_behind_is_corrected_by_a_faster_rate(playing):
    party, viewer, _, state = playing
    report(viewer, party, state, -0.2)
    fix = viewer.wait_for("correct")
    assert fix["action"] == "rate" and 1.0 < fix["rate"] <= 1.1


def test_large_drift_is_corrected_by_a_scheduled_seek(playing):
    party, viewer, _, state = playing
    report(viewer, party, state, -5.0)
    fix = viewer.wait_for("correct")
    assert fix["action"] == "seek" and fix["drift_ms"] == pytest.approx(-5000, abs=10)
    assert fix["at"] > server_ms() - 1000
    assert fix["position"] == pytest.approx(position_at(state, fix["at"]), abs=0.002)


def test_client_in_sync_is_left_alone_and_its_drift_is_recorded(playing):
    party, viewer, user, state = playing
    ack = report(viewer, party, state, 0.005)
    assert ack["correction"] is None and ack["drift_ms"] == pytest.approx(5, abs=5)
    entry = presence.online_users(party.id)[str(user.id)]
    assert entry["drift_ms"] == ack["drift_ms"] and entry["rtt"] == 20
    assert viewer.received("correct") == []


def test_buffering_client_is_not_corrected(playing):
    party, viewer, _, state = playing
    ack = report(viewer, party, state, 3.0, buffering=True)
    assert ack["correction"] is None and viewer.received("correct") == []


def test_client_playing_when_paused_is_sent_the_state_again(playing, parties):
    party, viewer, _, _ = playing
    host = parties.host(party)
    paused = control(host, party, "pause")["state"]
    viewer.wait_for("state", lambda s: s["seq"] == paused["seq"])
    viewer.clear()
    report(viewer, party, paused, 0.0, playing=True)
    assert viewer.wait_for("state")["seq"] == paused["seq"]


def test_paused_client_on_the_wrong_frame_seeks_to_it(playing, parties):
    party, viewer, _, _ = playing
    paused = control(parties.host(party), party, "pause")["state"]
    report(viewer, party, paused, 0.5)
    fix = viewer.wait_for("correct")
    assert fix["action"] == "seek" and fix["position"] == paused["position"]


def test_report_before_join_is_refused(playing, sockets, users):
    party, _, user, state = playing
    other = sockets(user, "/party")
    ack = other.call("report", {"party_id": str(party.id), "position": 1, "playing": True})
    assert ack["ok"] is False and ack["error"] == "not_joined"


def test_report_validates_its_fields(playing):
    party, viewer, _, _ = playing
    ack = viewer.call("report", {"party_id": str(party.id), "position": -3, "playing": "maybe"})
    assert ack["ok"] is False and {"position", "playing"} <= set(ack["errors"])


def test_reports_beyond_the_concurrency_limit_are_answered_busy(playing, app, monkeypatch):
    party, viewer, _, state = playing
    monkeypatch.setitem(app.config, "REPORT_CONCURRENCY", 0)  # saturated: every slot taken
    payload = {"party_id": str(party.id), "position": 1.0, "playing": True, "buffering": False}
    ack = viewer.call("report", payload | {"rtt": 20})
    assert ack["ok"] is False and ack["error"] == "busy"
    monkeypatch.setitem(app.config, "REPORT_CONCURRENCY", 64)
    assert report(viewer, party, state, 0.0)["ok"] is True
