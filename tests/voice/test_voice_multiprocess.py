"""One voice room across two real server processes sharing Redis: both see each other,
signalling crosses processes, a kill -9 of one takes its peer out of the room for the other,
and the peer is back once it re-announces (`join` again, as the client does on reconnect)."""

from tests.live import Socket
from tests.realtime.test_multiprocess import processes, pytestmark  # noqa: F401

OFFER = {"type": "offer", "sdp": "v=0\r\n"}


def _offer(socket, party: str, to: str) -> dict:
    return socket.call("signal", {"party_id": party, "to": to, "kind": "offer", "data": OFFER})


def _peers(voice: dict) -> set[str]:
    return {peer["user_id"] for peer in voice["peers"]}


def test_voice_room_spans_processes_and_drops_then_readmits_a_dead_processes_peer(
    processes,  # noqa: F811
    users,
    crowd,
):
    one, two = processes(2)
    party, ada, bob = str(crowd.party.id), str(crowd.host.id), str(crowd.member.id)
    opened: list[Socket] = []

    def voice_socket(process, user) -> Socket:
        socket = Socket(process.url, "/rtc", users.session(user)["access_token"])
        opened.append(socket)
        return socket

    try:
        on_one = voice_socket(one, crowd.host)
        assert on_one.call("join", {"party_id": party})["ok"]
        on_two = voice_socket(two, crowd.member)
        joined = on_two.call("join", {"party_id": party})
        assert _peers(joined["voice"]) == {ada, bob}
        assert on_one.wait_for("voice_state", lambda s: _peers(s) == {ada, bob})

        sent = _offer(on_one, party, bob)
        assert sent == {"ok": True, "to": bob, "delivered": True}
        got = on_two.wait_for("signal")
        assert got == {"party_id": party, "from": ada, "kind": "offer", "data": OFFER}

        one.kill()  # Ada's connection dies with its process: no leave, no disconnect
        assert on_two.wait_for("voice_state", lambda s: _peers(s) == {bob}, timeout=10)
        lost = _offer(on_two, party, ada)
        assert lost["error"] == "peer_not_in_voice"

        back = voice_socket(two, crowd.host)  # Ada's client reconnects and re-announces
        assert _peers(back.call("join", {"party_id": party})["voice"]) == {ada, bob}
        assert on_two.wait_for("voice_state", lambda s: _peers(s) == {ada, bob})
        again = _offer(on_two, party, ada)
        assert again["ok"] and back.wait_for("signal")["from"] == bob
    finally:
        for socket in opened:
            socket.client.disconnect()
