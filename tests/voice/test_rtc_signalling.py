"""/rtc: joining voice, relaying signalling to one peer of the same room, the cap, mutes."""

from tests.voice.conftest import eventually
from watchparty.voice.schemas import MAX_SIGNAL_BYTES

OFFER = {"type": "offer", "sdp": "v=0\r\n"}


def _signal(socket, party, to, kind="offer", data=OFFER):
    payload = {"party_id": str(party.id), "to": str(to.id), "kind": kind, "data": data}
    return socket.call("signal", payload)


def test_joining_voice_is_announced_to_the_room(crowd, rtc):
    host = rtc(crowd.host, crowd.party)
    ack = rtc(crowd.member, crowd.party).call("join", {"party_id": str(crowd.party.id)})
    assert {p["user_id"] for p in ack["voice"]["peers"]} == {
        str(crowd.host.id),
        str(crowd.member.id),
    }
    state = host.wait_for("voice_state", lambda s: len(s["peers"]) == 2)
    assert state["peers"][1]["user"]["id"] == str(crowd.member.id)


def test_signalling_reaches_the_one_peer_addressed(crowd, rtc):
    host, member, mod = (rtc(u, crowd.party) for u in (crowd.host, crowd.member, crowd.mod))
    ack = _signal(host, crowd.party, crowd.member)
    assert ack == {"ok": True, "to": str(crowd.member.id), "delivered": True}
    got = member.wait_for("signal")
    assert got == {
        "party_id": str(crowd.party.id),
        "from": str(crowd.host.id),
        "kind": "offer",
        "data": OFFER,
    }
    assert _signal(member, crowd.party, crowd.host, "answer", {"type": "answer", "sdp": "x"})["ok"]
    assert host.wait_for("signal")["kind"] == "answer"
    assert mod.received("signal") == []


def test_outsiders_cannot_join_voice(crowd, rtc):
    socket = rtc(crowd.outsider)
    ack = socket.call("join", {"party_id": str(crowd.party.id)})
    assert ack["ok"] is False and ack["error"] == "not_a_participant"


def test_members_outside_voice_can_neither_send_nor_receive_signalling(crowd, rtc):
    host = rtc(crowd.host, crowd.party)
    idle = rtc(crowd.member)  # connected, never joined voice
    assert _signal(idle, crowd.party, crowd.host)["error"] == "not_in_voice"
    assert _signal(host, crowd.party, crowd.member)["error"] == "peer_not_in_voice"
    assert host.received("signal") == [] and idle.received("signal") == []


def test_signalling_does_not_cross_parties(crowd, rtc, users, parties):
    other_host = users.create()
    other = parties.create(other_host)
    parties.add(other, crowd.member)
    host = rtc(crowd.host, crowd.party)
    away = rtc(other_host, other)
    assert _signal(host, crowd.party, other_host)["error"] == "peer_not_in_voice"
    assert _signal(host, other, other_host)["error"] == "not_in_voice"
    assert away.received("signal") == []


def test_the_room_refuses_peers_beyond_the_cap(crowd, rtc, config):
    config(VOICE_MAX_PEERS=2)
    rtc(crowd.host, crowd.party)
    rtc(crowd.mod, crowd.party)
    ack = rtc(crowd.member).call("join", {"party_id": str(crowd.party.id)})
    assert ack["ok"] is False and ack["error"] == "voice_full" and "2" in ack["message"]


def test_a_moderators_mute_drops_signalling_until_unmuted(client, crowd, rtc):
    host, member = rtc(crowd.host, crowd.party), rtc(crowd.member, crowd.party)
    url, mod = crowd.url("voice-chat/manage/"), crowd.headers[crowd.mod.id]
    client.post(url, json={"action": "mute", "user_id": str(crowd.member.id)}, headers=mod)
    assert member.wait_for("voice_muted")["party_id"] == str(crowd.party.id)
    assert _signal(member, crowd.party, crowd.host)["error"] == "muted_by_moderator"
    unmute = {"party_id": str(crowd.party.id), "muted": False}
    assert member.call("media", unmute)["error"] == "muted_by_moderator"
    assert host.received("signal") == []
    client.post(url, json={"action": "unmute", "user_id": str(crowd.member.id)}, headers=mod)
    assert _signal(member, crowd.party, crowd.host)["ok"] is True
    assert member.call("media", unmute)["voice"]["peers"][1]["muted"] is False


def test_media_flags_reach_the_room(crowd, rtc):
    host, member = rtc(crowd.host, crowd.party), rtc(crowd.member, crowd.party)
    ack = member.call("media", {"party_id": str(crowd.party.id), "camera": True, "speaking": True})
    me = next(p for p in ack["voice"]["peers"] if p["user_id"] == str(crowd.member.id))
    assert me["camera"] is True and me["speaking"] is True
    host.wait_for("voice_state", lambda s: any(p["speaking"] for p in s["peers"]))
    muted = member.call("media", {"party_id": str(crowd.party.id), "muted": True})
    assert [p["speaking"] for p in muted["voice"]["peers"]] == [False, False]


def test_bad_payloads_are_refused_in_the_error_shape(crowd, rtc):
    host = rtc(crowd.host, crowd.party)
    rtc(crowd.member, crowd.party)
    party, to = str(crowd.party.id), str(crowd.member.id)
    bad = [
        None,
        "offer",
        {"party_id": "nope", "to": to, "kind": "offer", "data": OFFER},
        {"party_id": party, "kind": "offer", "data": OFFER},
        {"party_id": party, "to": to, "kind": "hello", "data": OFFER},
        {"party_id": party, "to": to, "kind": "offer", "data": "sdp"},
        {"party_id": party, "to": to, "kind": "ice", "data": {"c": "x" * MAX_SIGNAL_BYTES}},
        {"party_id": party, "to": str(crowd.host.id), "kind": "offer", "data": OFFER},
    ]
    for payload in bad:
        ack = host.call("signal", payload)
        assert ack["ok"] is False and ack["error"] == "validation_error", (payload, ack)
        assert set(ack) >= {"message", "timestamp"}
    assert host.call("media", {"party_id": party})["error"] == "validation_error"
    assert host.call("join", {"party_id": party, "muted": "loud"})["error"] == "validation_error"


def test_a_kicked_member_is_taken_out_of_voice(client, crowd, rtc):
    host, member = rtc(crowd.host, crowd.party), rtc(crowd.member, crowd.party)
    kick = f"/api/parties/{crowd.party.id}/participants/{crowd.member.id}/kick/"
    assert client.post(kick, headers=crowd.headers[crowd.host.id]).status_code == 200
    member.wait_for("voice_removed")
    assert _signal(host, crowd.party, crowd.member)["error"] == "peer_not_in_voice"


def test_leaving_or_disconnecting_leaves_voice(client, crowd, rtc):
    rtc(crowd.host, crowd.party)
    member, mod = rtc(crowd.member, crowd.party), rtc(crowd.mod, crowd.party)
    assert member.call("leave", {"party_id": str(crowd.party.id)}) == {"ok": True, "left": True}
    mod.close()
    url, host = crowd.url("voice-chat/"), crowd.headers[crowd.host.id]
    peers = lambda: [p["user_id"] for p in client.get(url, headers=host).get_json()["peers"]]  # noqa: E731
    assert eventually(lambda: peers() == [str(crowd.host.id)])


def test_a_second_connection_takes_over_ones_voice(crowd, rtc):
    first = rtc(crowd.member, crowd.party)
    host = rtc(crowd.host, crowd.party)
    second = rtc(crowd.member, crowd.party)
    first.wait_for("voice_replaced")
    assert _signal(first, crowd.party, crowd.host)["error"] == "not_in_voice"
    assert _signal(host, crowd.party, crowd.member)["ok"] is True
    second.wait_for("signal")
    assert first.received("signal") == []
