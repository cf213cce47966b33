"""/party `time`: NTP-style clock samples."""

from watchparty.live.state import server_ms


def test_time_acks_t0_with_server_receive_and_send_times(sockets, parties):
    socket = sockets(parties.person(), "/party")
    before = server_ms()
    ack = socket.call("time", {"t0": 12345.5})
    after = server_ms()
    assert ack["ok"] and ack["t0"] == 12345.5
    assert before <= ack["t1"] <= ack["t2"] <= after


def test_time_without_t0_is_a_validation_error(sockets, parties):
    ack = sockets(parties.person(), "/party").call("time", {"t0": "soon"})
    assert ack["ok"] is False and ack["error"] == "validation_error" and "t0" in ack["errors"]
