"""What a message may contain and how fast: length, links, emojis, slow mode, flood limit."""

import time

from watchparty.chat.models import ChatSettings
from watchparty.extensions import db


def _settings(chat, **values) -> None:
    db.session.add(ChatSettings(party_id=chat.party.id, **values))
    db.session.commit()


def _send(socket, chat, text, **extra) -> dict:
    return socket.call("send", {"party_id": chat.pid, "text": text, **extra})


def test_messages_longer_than_the_party_limit_are_refused(chat, sockets):
    _settings(chat, max_message_length=10)
    socket = sockets(chat.member, "/chat")
    assert _send(socket, chat, "x" * 10)["ok"]
    refused = _send(socket, chat, "x" * 11)
    assert refused["ok"] is False and refused["error"] == "message_too_long"
    assert "10" in refused["message"]


def test_links_are_refused_only_when_the_switch_is_off(chat, sockets):
    socket = sockets(chat.member, "/chat")
    assert _send(socket, chat, "see https://example.com")["ok"]
    _settings(chat, allow_links=False)
    for text in ("see https://example.com", "go to www.example.com", "HTTP://x.io"):
        ack = _send(socket, chat, text)
        assert ack["error"] == "links_not_allowed", text
    assert _send(socket, chat, "no link here")["ok"]


def test_emojis_are_refused_only_when_the_switch_is_off(chat, sockets):
    socket = sockets(chat.member, "/chat")
    assert _send(socket, chat, "lol 😂")["ok"]
    _settings(chat, allow_emojis=False)
    assert _send(socket, chat, "lol 😂")["error"] == "emojis_not_allowed"
    assert _send(socket, chat, "ok", message_type="emoji")["error"] == "emojis_not_allowed"
    assert _send(socket, chat, "plain")["ok"]


def test_slow_mode_allows_one_message_per_interval_for_participants(chat, sockets):
    _settings(chat, slow_mode=True, slow_mode_interval=60)
    member, host = sockets(chat.member, "/chat"), sockets(chat.host, "/chat")
    assert _send(member, chat, "first")["ok"]
    second = _send(member, chat, "second")
    assert second["ok"] is False and second["error"] == "slow_mode"
    assert "60" in second["message"]
    assert _send(host, chat, "hosts are exempt")["ok"]
    assert _send(host, chat, "still exempt")["ok"]


def test_slow_mode_lets_the_next_message_through_after_the_interval(chat, sockets):
    _settings(chat, slow_mode=True, slow_mode_interval=1)
    member = sockets(chat.member, "/chat")
    assert _send(member, chat, "first")["ok"]
    assert _send(member, chat, "too soon")["error"] == "slow_mode"
    time.sleep(1.1)
    assert _send(member, chat, "later")["ok"]


def test_flood_limit_allows_a_burst_then_refuses_with_429(app, chat, sockets, monkeypatch):
    monkeypatch.setitem(app.config, "CHAT_FLOOD_BURST", 5)
    monkeypatch.setitem(app.config, "CHAT_FLOOD_RATE", 0.01)
    socket = sockets(chat.member, "/chat")
    acks = [_send(socket, chat, f"m{n}") for n in range(6)]
    assert all(ack["ok"] for ack in acks[:5])
    assert acks[5]["ok"] is False and acks[5]["error"] == "rate_limited"
    assert "Slow down" in acks[5]["message"]


def test_flood_limit_over_rest_is_429_with_retry_headers(app, client, chat, monkeypatch):
    monkeypatch.setitem(app.config, "CHAT_FLOOD_BURST", 1)
    monkeypatch.setitem(app.config, "CHAT_FLOOD_RATE", 0.01)
    url = f"/api/chat/{chat.pid}/messages/send/"
    headers = chat.headers[chat.member]
    assert client.post(url, json={"text": "a"}, headers=headers).status_code == 201
    refused = client.post(url, json={"text": "b"}, headers=headers)
    assert refused.status_code == 429 and refused.get_json()["error"] == "rate_limited"
    assert refused.headers["X-RateLimit-Limit"] == "1"
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    assert refused.headers["Retry-After"] == "100"  # one token per 100 s at 0.01/s


def test_default_flood_limit_admits_a_burst_of_twenty(chat, sockets):
    socket = sockets(chat.member, "/chat")
    acks = [_send(socket, chat, f"m{n}") for n in range(20)]
    assert all(ack["ok"] for ack in acks), [a for a in acks if not a["ok"]]
