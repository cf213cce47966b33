"""/party join and leave: the snapshot, who may join, presence broadcasts, resync."""

from tests.realtime.partykit import control, position_at
from watchparty.extensions import db
from watchparty.live.state import server_ms
from watchparty.parties.access import member as membership_of
from watchparty.parties.models import ENDED, PUBLIC, Party


def test_join_acks_the_full_snapshot(parties, users):
    party = parties.create(media_url="https://cdn.example.com/a.m3u8")
    member = parties.add(party)
    _, ack = parties.join(member, party)
    assert ack["party"]["id"] == str(party.id) and ack["party"]["online_count"] == 1
    assert ack["state"]["seq"] == 0 and ack["state"]["playing"] is False
    assert ack["state"]["media_url"] == "https://cdn.example.com/a.m3u8"
    assert {p["user"]["id"] for p in ack["participants"]} == {str(party.host_id), str(member.id)}
    assert abs(ack["server_time"] - server_ms()) < 5000


def test_non_member_cannot_join_a_private_party_nor_learn_it_exists(parties, sockets, users):
    party = parties.create()
    ack = sockets(parties.person(), "/party").call("join", {"party_id": str(party.id)})
    assert ack["ok"] is False and ack["error"] == "party_not_found"


def test_anyone_joins_a_public_party_and_takes_a_seat(parties, users):
    party = parties.create(visibility=PUBLIC)
    stranger = parties.person()
    parties.join(stranger, party)
    db.session.expire_all()
    assert db.session.get(Party, party.id).seats_taken == 2


def test_full_public_party_refuses_with_party_full(parties, sockets, users):
    party = parties.create(visibility=PUBLIC, max_participants=1)
    ack = sockets(parties.person(), "/party").call("join", {"party_id": str(party.id)})
    assert ack["ok"] is False and ack["error"] == "party_full"


def test_approval_party_keeps_strangers_out_as_pending(parties, sockets, users):
    party = parties.create(visibility=PUBLIC, require_approval=True)
    stranger = parties.person()
    ack = sockets(stranger, "/party").call("join", {"party_id": str(party.id)})
    assert ack["ok"] is False and ack["error"] == "approval_pending"
    db.session.expire_all()
    assert membership_of(party.id, stranger.id).status == "pending"


def test_join_rejects_bad_ids_and_ended_parties(parties, sockets, users):
    socket = sockets(parties.person(), "/party")
    bad = socket.call("join", {"party_id": "nope"})
    assert bad["ok"] is False and bad["error"] == "validation_error" and "party_id" in bad["errors"]
    missing = socket.call("join", {"party_id": "00000000-0000-0000-0000-000000000000"})
    assert missing["error"] == "party_not_found"
    party = parties.create(status=ENDED)
    host = db.session.get(Party, party.id).host
    ended = sockets(host, "/party").call("join", {"party_id": str(party.id)})
    assert ended["ok"] is False and ended["error"] == "party_ended"


def test_presence_is_broadcast_on_join_and_leave(parties):
    party = parties.create()
    host = parties.host(party)
    member = parties.add(party)
    socket, _ = parties.join(member, party)
    joined = host.wait_for("presence", lambda p: p["user"]["id"] == str(member.id))
    assert joined["event"] == "joined" and joined["online_count"] == 2
    assert socket.call("leave", {"party_id": str(party.id)})["ok"]
    left = host.wait_for("presence", lambda p: p["event"] == "left")
    assert left["user"]["id"] == str(member.id) and left["online_count"] == 1
    assert socket.call("leave", {"party_id": str(party.id)})["ok"]  # idempotent: no second
    assert host.call("time", {"t0": 0})["ok"]
    assert len([p for p in host.received("presence") if p["event"] == "left"]) == 1


def test_left_is_announced_only_when_the_last_connection_goes(parties):
    party = parties.create()
    host = parties.host(party)
    member = parties.add(party)
    first, _ = parties.join(member, party)
    second, _ = parties.join(member, party)
    first.close()
    host.wait_for("presence", lambda p: p["event"] == "joined")
    assert second.call("time", {"t0": 1})["ok"]  # a round trip after the first close
    assert not [p for p in host.received("presence") if p["event"] == "left"]
    second.close()
    left = host.wait_for("presence", lambda p: p["event"] == "left")
    assert left["online_count"] == 1


def test_late_joiner_gets_the_running_state_extrapolated(parties):
    party = parties.create()
    host = parties.host(party)
    played = control(host, party, "play", position=10.0)["state"]
    member = parties.add(party)
    _, ack = parties.join(member, party)
    state = ack["state"]
    assert state["seq"] == played["seq"] and state["playing"] is True
    now = ack["server_time"]
    assert abs(position_at(state, now) - position_at(played, now)) < 0.01
    assert state["position"] >= 10.0


def test_reconnecting_client_is_resynchronized_by_join(parties):
    party = parties.create()
    host = parties.host(party)
    member = parties.add(party)
    old, _ = parties.join(member, party)
    old.close()
    control(host, party, "seek", position=42.0)
    latest = control(host, party, "pause")["state"]
    _, ack = parties.join(member, party)
    assert ack["state"]["seq"] == latest["seq"]
    assert ack["state"]["position"] == latest["position"] and ack["state"]["playing"] is False


def test_big_rooms_get_joins_in_batches(parties, app, monkeypatch):
    monkeypatch.setitem(app.config, "PRESENCE_BATCH_MIN", 2)
    monkeypatch.setitem(app.config, "PRESENCE_BATCH_SECONDS", 0.2)
    party = parties.create()
    host = parties.host(party)  # alone: below the threshold, told at once
    members = [parties.add(party) for _ in range(3)]
    for member in members:
        parties.join(member, party)
    batch = host.wait_for("presence", lambda p: p["event"] == "batch")
    seen = {user["id"] for user in batch["joined"]}
    for later in host.received("presence")[1:]:
        seen |= {user["id"] for user in later.get("joined") or []}
    assert seen == {str(m.id) for m in members}
    assert batch["user"] is None and batch["left"] == [] and batch["party_id"] == str(party.id)
    singles = [p["user"]["id"] for p in host.received("presence") if p["event"] == "joined"]
    assert not set(singles) & seen  # the members came only in batches


def test_changed_settings_reach_everyone_in_the_room(parties, users, client):
    party = parties.create()
    member = parties.add(party)
    watcher, _ack = parties.join(member, party)
    headers = users.session_headers(party.host)
    body = {"allow_chat": False, "control_policy": "everyone", "title": "Late show"}
    response = client.patch(f"/api/parties/{party.id}/", json=body, headers=headers)
    assert response.status_code == 200, response.get_json()
    note = watcher.wait_for("party")
    assert note["party_id"] == str(party.id)
    changed = note["party"]
    assert (changed["allow_chat"], changed["control_policy"], changed["title"]) == (
        False,
        "everyone",
        "Late show",
    )
