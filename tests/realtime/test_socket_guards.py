"""Socket events get the same input guard as REST: NUL, lone surrogates and absurd nesting are
a `validation`-style refusal in the one error shape, never a server error, and nothing is
stored."""

from watchparty.chat.models import ChatMessage
from watchparty.extensions import db


def _chat(parties, sockets):
    party = parties.create()
    user = parties.add(party)
    socket = sockets(user, "/chat")
    assert socket.call("join", {"party_id": str(party.id)})["ok"] is True
    return party, socket


def test_nul_or_lone_surrogate_in_a_socket_event_is_refused_naming_the_field(parties, sockets):
    party, socket = _chat(parties, sockets)
    for bad in ("nul\x00here", "half\ud800"):
        ack = socket.call("send", {"party_id": str(party.id), "text": bad})
        assert ack["ok"] is False and ack["error"] == "invalid_characters", ack
        assert "text" in ack["errors"]
    assert db.session.query(ChatMessage).count() == 0


def test_deeply_nested_socket_payload_is_refused(parties, sockets):
    party, socket = _chat(parties, sockets)
    nested: object = "x"
    for _ in range(60):
        nested = [nested]
    ack = socket.call("send", {"party_id": str(party.id), "text": "hi", "extra": nested})
    assert ack["ok"] is False and ack["error"] == "too_deep", ack
