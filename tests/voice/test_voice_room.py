"""The voice room itself: tokens at connect, ended parties, peers of a dead process."""

import pytest
import socketio

from tests.live import Socket
from watchparty.live.state import store
from watchparty.parties.models import ENDED
from watchparty.voice import state


@pytest.mark.parametrize("token", [None, "not-a-jwt"])
def test_rtc_refuses_connections_without_a_valid_token(live_server, token):
    with pytest.raises(socketio.exceptions.ConnectionError):
        Socket(live_server.url, "/rtc", token)


def test_no_voice_in_an_ended_party(crowd, rtc, parties, users):
    ended = parties.create(crowd.host, status=ENDED)
    ack = rtc(crowd.host).call("join", {"party_id": str(ended.id)})
    assert ack["ok"] is False and ack["error"] == "party_ended"


def test_peers_held_by_a_dead_process_are_dropped_with_their_shares(client, crowd, rtc):
    rtc(crowd.host, crowd.party)

    def ghost(voice):
        peer = state.new_peer({"id": str(crowd.member.id)}, "gone-sid", False, False)
        voice["peers"][str(crowd.member.id)] = peer | {"proc": "dead0process"}
        voice["shares"]["s1"] = {"id": "s1", "user_id": str(crowd.member.id), "started_at": 1}

    state.change(crowd.party.id, ghost)
    assert store().get("proc:dead0process") is None
    body = client.get(crowd.url("voice-chat/"), headers=crowd.headers[crowd.host.id]).get_json()
    assert [p["user_id"] for p in body["peers"]] == [str(crowd.host.id)]
    assert body["shares"] == []


def test_a_ghost_does_not_hold_a_seat_under_the_cap(crowd, rtc, config):
    config(VOICE_MAX_PEERS=1)

    def ghost(voice):
        peer = state.new_peer({"id": str(crowd.mod.id)}, "gone-sid", False, False)
        voice["peers"][str(crowd.mod.id)] = peer | {"proc": "dead0process"}

    state.change(crowd.party.id, ghost)
    assert rtc(crowd.member).call("join", {"party_id": str(crowd.party.id)})["ok"] is True
