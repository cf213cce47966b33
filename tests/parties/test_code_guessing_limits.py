"""Guessing room codes and invite codes is rate-limited per user and per IP (issue 12, item 6)."""

import pytest

from tests.helpers import assert_error
from tests.parties.helpers import create_party

ROOM = ("/api/parties/join-by-code/", "code", "room_code_not_found")
INVITE = ("/api/parties/join-by-invite/", "invite_code", "invite_not_found")


def _guess(client, route, headers, ip, n):
    url, field, _ = route
    return client.post(
        url, json={field: f"NOPE{n:06d}"}, headers=headers, environ_base={"REMOTE_ADDR": ip}
    )


@pytest.mark.parametrize("route", [ROOM, INVITE], ids=["room_code", "invite_code"])
def test_twenty_one_wrong_codes_from_one_user_hit_429_but_not_another_user(client, users, route):
    guesser = users.session_headers(users.create())
    for n in range(20):
        assert_error(_guess(client, route, guesser, "10.1.0.1", n), 404, route[2])
    blocked = _guess(client, route, guesser, "10.1.0.1", 20)
    body = assert_error(blocked, 429, "rate_limited")
    assert "Too many requests" in body["message"]
    assert blocked.headers["X-RateLimit-Limit"] == "20"
    assert blocked.headers["X-RateLimit-Remaining"] == "0"
    assert "Retry-After" in blocked.headers
    elsewhere = _guess(client, route, guesser, "10.1.0.2", 21)
    assert_error(elsewhere, 429, "rate_limited")  # a new IP does not reset the user's count
    other = users.session_headers(users.create())
    assert_error(_guess(client, route, other, "10.1.0.3", 22), 404, route[2])


def test_guesses_share_one_budget_across_room_and_invite_codes(client, users):
    guesser = users.session_headers(users.create())
    for n in range(10):
        assert_error(_guess(client, ROOM, guesser, "10.2.0.1", n), 404)
        assert_error(_guess(client, INVITE, guesser, "10.2.0.1", n), 404)
    assert_error(_guess(client, ROOM, guesser, "10.2.0.1", 99), 429, "rate_limited")


def test_per_ip_limit_trips_across_many_accounts(app, client, users):
    saved = app.config.get("CODE_LOOKUP_IP_RATE_LIMIT")
    app.config["CODE_LOOKUP_IP_RATE_LIMIT"] = "5 per minute"
    try:
        for n in range(5):
            headers = users.session_headers(users.create())
            assert_error(_guess(client, ROOM, headers, "10.3.0.1", n), 404)
        fresh = users.session_headers(users.create())
        blocked = _guess(client, INVITE, fresh, "10.3.0.1", 5)
        assert_error(blocked, 429, "rate_limited")
        assert blocked.headers["X-RateLimit-Limit"] == "5"
        assert_error(_guess(client, INVITE, fresh, "10.3.0.2", 6), 404)
    finally:
        app.config["CODE_LOOKUP_IP_RATE_LIMIT"] = saved


def test_valid_codes_do_not_count_so_a_busy_user_is_not_blocked(client, users, me):
    _, host = me
    guest, ip = users.session_headers(users.create()), {"REMOTE_ADDR": "10.4.0.1"}
    for _ in range(12):
        party = create_party(client, host)
        invite = client.post(f"/api/parties/{party['id']}/generate-invite/", json={}, headers=host)
        code = invite.get_json()["invite_code"]
        by_invite = client.post(
            INVITE[0], json={"invite_code": code}, headers=guest, environ_base=ip
        )
        by_room = client.post(
            ROOM[0], json={"code": party["room_code"]}, headers=guest, environ_base=ip
        )
        assert by_invite.status_code == by_room.status_code == 200, by_room.get_json()
        assert by_room.headers["X-RateLimit-Limit"]
    assert_error(_guess(client, ROOM, guest, "10.4.0.1", 0), 404, "room_code_not_found")
