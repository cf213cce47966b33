"""/party `control`: permissions by policy, scheduled state, seq, duplicates, validation."""

import pytest

from tests.realtime.partykit import control, position_at, state_with
from watchparty.extensions import db
from watchparty.live.state import server_ms
from watchparty.parties.models import (
    ENDED,
    LIVE,
    MODERATOR,
    PAUSED,
    POLICY_EVERYONE,
    POLICY_HOST,
    POLICY_MODERATORS,
    Party,
)


def test_participant_cannot_control_host_only_party(parties):
    party = parties.create(control_policy=POLICY_HOST)
    socket, _ = parties.join(parties.add(party), party)
    ack = socket.call("control", {"party_id": str(party.id), "action": "play"})
    assert ack["ok"] is False and ack["error"] == "control_denied"


@pytest.mark.parametrize(
    ("policy", "role", "allowed"),
    [
        (POLICY_HOST, MODERATOR, False),
        (POLICY_MODERATORS, MODERATOR, True),
        (POLICY_MODERATORS, "participant", False),
        (POLICY_EVERYONE, "participant", True),
    ],
)
def test_control_follows_the_party_policy(parties, policy, role, allowed):
    party = parties.create(control_policy=policy)
    socket, _ = parties.join(parties.add(party, role=role), party)
    ack = socket.call("control", {"party_id": str(party.id), "action": "pause"})
    assert ack["ok"] is allowed


def test_play_is_acked_and_broadcast_to_the_room(parties):
    party = parties.create()
    host = parties.host(party)
    viewer, _ = parties.join(parties.add(party), party)
    ack = control(host, party, "play", position=5.0)
    state = state_with(viewer, ack["seq"])
    assert state == ack["state"]
    assert state["playing"] is True and state["position"] == 5.0 and state["rate"] == 1.0
    assert state["party_id"] == str(party.id) and state["reason"] == "play"


def test_pause_freezes_everyone_at_the_position_of_its_scheduled_instant(parties):
    party = parties.create()
    host = parties.host(party)
    played = control(host, party, "play", position=0.0)["state"]
    paused = control(host, party, "pause")["state"]
    assert paused["playing"] is False
    assert paused["position"] == pytest.approx(position_at(played, paused["at"]), abs=0.002)


def test_seek_rate_and_video_change_the_state(parties, allow_private):
    party = parties.create()
    host = parties.host(party)
    assert control(host, party, "seek", position=90.5)["state"]["position"] == 90.5
    assert control(host, party, "rate", rate=1.5)["state"]["rate"] == 1.5
    url = allow_private.url("/clip.mp4")
    control(host, party, "play")
    video = control(host, party, "video", media_url=url)["state"]
    assert video["media_url"] == url and video["video_id"] is None
    assert video["playing"] is False and video["position"] == 0 and video["rate"] == 1.0


def test_seq_strictly_increases_across_commands(parties):
    party = parties.create()
    host = parties.host(party)
    seqs = [control(host, party, a, position=1.0)["seq"] for a in ("play", "pause", "seek", "play")]
    assert seqs == sorted(seqs) and len(set(seqs)) == 4 and seqs[0] == 1


def test_duplicate_cmd_id_is_applied_once(parties):
    party = parties.create()
    host = parties.host(party)
    viewer, _ = parties.join(parties.add(party), party)
    first = control(host, party, "seek", position=30.0, cmd_id="c-1")
    again = control(host, party, "seek", position=30.0, cmd_id="c-1")
    assert again["seq"] == first["seq"] and again["duplicate"] is True
    later = control(host, party, "pause", cmd_id="c-2")
    assert later["seq"] == first["seq"] + 1
    state_with(viewer, later["seq"])
    assert [s["seq"] for s in viewer.received("state")] == [first["seq"], later["seq"]]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"action": "jump"}, "action"),
        ({"action": "seek"}, "position"),
        ({"action": "seek", "position": -1}, "position"),
        ({"action": "rate"}, "rate"),
        ({"action": "rate", "rate": 40}, "rate"),
        ({"action": "video"}, "media_url"),
        ({"action": "video", "media_url": "ftp://x.example.com/a.mp4"}, "media_url"),
        ({"action": "play", "position": "soon"}, "position"),
    ],
)
def test_invalid_commands_are_refused_with_field_errors(parties, fields, field):
    party = parties.create()
    host = parties.host(party)
    ack = host.call("control", {"party_id": str(party.id), **fields})
    assert ack["ok"] is False and ack["error"] == "validation_error" and field in ack["errors"]


def test_unknown_video_id_is_refused(parties):
    party = parties.create()
    host = parties.host(party)
    ack = host.call(
        "control",
        {
            "party_id": str(party.id),
            "action": "video",
            "video_id": "9" * 8 + "-0000-0000-0000-" + "0" * 12,
        },
    )
    assert ack["ok"] is False and ack["error"] == "validation_error" and "video_id" in ack["errors"]


def test_ended_party_refuses_control_with_409(parties):
    party = parties.create()
    host = parties.host(party)
    db.session.get(Party, party.id).status = ENDED
    db.session.commit()
    ack = host.call("control", {"party_id": str(party.id), "action": "play"})
    assert ack["ok"] is False and ack["error"] == "party_ended"


def test_state_is_persisted_on_the_party_with_its_status(parties):
    party = parties.create()
    host = parties.host(party)
    played = control(host, party, "play", position=3.0)
    db.session.expire_all()
    row = db.session.get(Party, party.id)
    assert row.status == LIVE and row.started_at is not None
    assert row.playback["seq"] == played["seq"] and row.playback["playing"] is True
    control(host, party, "pause")
    db.session.expire_all()
    assert db.session.get(Party, party.id).status == PAUSED


def test_play_is_scheduled_ahead_by_the_rooms_one_way_delay(parties):
    party = parties.create(wait_for_ready=False)
    host = parties.host(party)
    viewer, _ = parties.join(parties.add(party), party)
    report = {"party_id": str(party.id), "position": 0, "playing": False, "rtt": 160}
    assert viewer.call("report", report)["ok"]
    before = server_ms()
    state = control(host, party, "play")["state"]
    assert before + 80 <= state["at"] <= server_ms() + 400


def test_play_is_immediate_when_nobody_reported_a_delay(parties):
    party = parties.create()
    host = parties.host(party)
    before = server_ms()
    state = control(host, party, "play")["state"]
    assert before <= state["at"] <= server_ms()
