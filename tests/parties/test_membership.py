"""Joining, approval, leaving, roles, kicks, bans and host hand-over over REST."""

import uuid

import pytest

from tests.helpers import assert_error
from tests.parties.helpers import create_party


@pytest.fixture
def party(client, me):
    """A public party hosted by `me`."""
    return create_party(client, me[1])


def _url(party, tail=""):
    return f"/api/parties/{party['id']}/{tail}"


def _member_url(party, user, action):
    return _url(party, f"participants/{user.id}/{action}/")


def _roles(client, party, headers):
    body = client.get(_url(party, "participants/"), headers=headers).get_json()
    return {p["user"]["id"]: p["role"] for p in body["results"]}


def test_join_answers_with_the_seed_004_participant_shape(client, users, party):
    guest = users.create(first_name="Grace", last_name="Hopper")
    response = client.post(_url(party, "join/"), json={}, headers=users.session_headers(guest))
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["success"] is True
    assert body["participant"]["user"]["id"] == str(guest.id)
    assert body["participant"]["user"]["name"] == "Grace Hopper"
    assert body["participant"]["role"] == "participant"
    assert body["participant"]["status"] == "active"
    assert body["party"]["participant_count"] == 2


def test_join_without_a_body_and_twice_is_idempotent(client, users, party):
    headers = users.session_headers(users.create())
    assert client.post(_url(party, "join/"), headers=headers).status_code == 200
    assert client.post(_url(party, "join/"), headers=headers).status_code == 200
    assert client.get(_url(party), headers=headers).get_json()["participant_count"] == 2


def test_approval_required_party_holds_joiners_until_approved(client, users, me):
    _, host = me
    party = create_party(client, host, require_approval=True)
    guest = users.create()
    headers = users.session_headers(guest)
    body = client.post(_url(party, "join/"), json={"message": "hi"}, headers=headers).get_json()
    assert body["participant"]["status"] == "pending"
    pending = client.get(_url(party, "participants/?status=pending"), headers=host).get_json()
    assert [p["user"]["id"] for p in pending["results"]] == [str(guest.id)]
    assert_error(client.get(_url(party, "participants/?status=pending"), headers=headers), 403)
    assert_error(client.post(_member_url(party, guest, "approve"), headers=headers), 403)
    approved = client.post(_member_url(party, guest, "approve"), headers=host)
    assert approved.get_json()["participant"]["status"] == "active"
    assert_error(client.post(_member_url(party, guest, "approve"), headers=host), 404)


def test_rejected_joiner_holds_no_seat(client, users, me):
    _, host = me
    party = create_party(client, host, require_approval=True)
    guest = users.create()
    client.post(_url(party, "join/"), headers=users.session_headers(guest))
    assert client.post(_member_url(party, guest, "reject"), headers=host).status_code == 200
    detail = client.get(_url(party), headers=host).get_json()
    assert detail["participant_count"] == 1
    assert [p["role"] for p in detail["participants"]] == ["host"]


def test_host_cannot_leave_but_a_member_can(client, users, me, party):
    _, host = me
    assert_error(client.post(_url(party, "leave/"), headers=host), 409, "host_cannot_leave")
    headers = users.session_headers(users.create())
    client.post(_url(party, "join/"), headers=headers)
    assert client.post(_url(party, "leave/"), headers=headers).status_code == 200
    assert client.get(_url(party), headers=host).get_json()["participant_count"] == 1
    assert_error(client.post(_url(party, "leave/"), headers=headers), 403, "not_a_participant")


def test_promote_and_demote_are_host_only(client, users, me, party):
    _, host = me
    guest, other = users.create(), users.create()
    guest_h, other_h = users.session_headers(guest), users.session_headers(other)
    for headers in (guest_h, other_h):
        client.post(_url(party, "join/"), headers=headers)
    assert_error(client.post(_member_url(party, other, "promote"), headers=guest_h), 403)
    response = client.post(_member_url(party, guest, "promote"), headers=host)
    assert response.get_json()["participant"]["role"] == "moderator"
    assert _roles(client, party, host)[str(guest.id)] == "moderator"
    # A moderator still cannot promote: that is the host's call.
    assert_error(client.post(_member_url(party, other, "promote"), headers=guest_h), 403)
    client.post(_member_url(party, guest, "demote"), headers=host)
    assert _roles(client, party, host)[str(guest.id)] == "participant"


def test_role_change_of_a_non_member_is_404(client, users, me, party):
    _, host = me
    stranger = users.create()
    assert_error(client.post(_member_url(party, stranger, "promote"), headers=host), 404)
    missing = f"/api/parties/{party['id']}/participants/{uuid.uuid4()}/kick/"
    assert_error(client.post(missing, headers=host), 404)


def test_kicked_member_loses_the_seat_and_needs_an_invite_to_rejoin(client, users, me, party):
    _, host = me
    guest = users.create()
    headers = users.session_headers(guest)
    client.post(_url(party, "join/"), headers=headers)
    assert client.post(_member_url(party, guest, "kick"), headers=host).status_code == 200
    assert str(guest.id) not in _roles(client, party, host)
    assert client.get(_url(party), headers=host).get_json()["participant_count"] == 1
    assert_error(client.post(_url(party, "join/"), headers=headers), 403, "kicked")


def test_banned_user_cannot_rejoin_until_unbanned(client, users, me, party):
    _, host = me
    guest = users.create()
    headers = users.session_headers(guest)
    client.post(_url(party, "join/"), headers=headers)
    assert client.post(_member_url(party, guest, "ban"), json={}, headers=host).status_code == 200
    assert_error(client.post(_url(party, "join/"), headers=headers), 403, "banned")
    assert_error(client.post(_member_url(party, guest, "ban"), headers=host), 409)
    assert client.post(_member_url(party, guest, "unban"), headers=host).status_code == 200
    assert client.post(_url(party, "join/"), headers=headers).status_code == 200


def test_moderator_may_kick_participants_but_not_the_host_or_moderators(client, users, me, party):
    host_user, host = me
    mod, mod2, guest = users.create(), users.create(), users.create()
    heads = {u.id: users.session_headers(u) for u in (mod, mod2, guest)}
    for headers in heads.values():
        client.post(_url(party, "join/"), headers=headers)
    client.post(_member_url(party, mod, "promote"), headers=host)
    client.post(_member_url(party, mod2, "promote"), headers=host)
    assert_error(client.post(_member_url(party, host_user, "kick"), headers=heads[mod.id]), 409)
    assert_error(client.post(_member_url(party, mod2, "kick"), headers=heads[mod.id]), 403)
    assert_error(client.post(_member_url(party, mod, "kick"), headers=heads[guest.id]), 403)
    assert client.post(_member_url(party, guest, "kick"), headers=heads[mod.id]).status_code == 200


def test_host_hands_over_to_an_active_member(client, users, me, party):
    host_user, host = me
    guest, stranger = users.create(), users.create()
    guest_h = users.session_headers(guest)
    client.post(_url(party, "join/"), headers=guest_h)
    url = _url(party, "transfer-host/")
    assert_error(client.post(url, json={"user_id": str(stranger.id)}, headers=host), 404)
    assert_error(client.post(url, json={"user_id": "nope"}, headers=host), 400)
    assert_error(client.post(url, json={"user_id": str(host_user.id)}, headers=guest_h), 403)
    assert client.post(url, json={"user_id": str(guest.id)}, headers=host).status_code == 200
    roles = _roles(client, party, host)
    assert roles == {str(guest.id): "host", str(host_user.id): "moderator"}
    assert client.get(_url(party), headers=host).get_json()["host"]["id"] == str(guest.id)
    # The old host may now leave; the new one may not.
    assert client.post(_url(party, "leave/"), headers=host).status_code == 200
    assert_error(client.post(_url(party, "leave/"), headers=guest_h), 409)


def test_participants_list_is_paginated_with_online_count(client, users, me, party):
    _, host = me
    for _ in range(3):
        client.post(_url(party, "join/"), headers=users.session_headers(users.create()))
    body = client.get(_url(party, "participants/?page_size=2"), headers=host).get_json()
    assert body["count"] == 4 and len(body["results"]) == 2 and body["total_pages"] == 2
    assert body["online_count"] == 0
    assert {"is_online", "drift_ms", "role", "status", "joined_at"} <= set(body["results"][0])


def test_private_party_participants_are_for_members_only(client, users, me):
    _, host = me
    party = create_party(client, host, visibility="private")
    outsider = users.session_headers(users.create())
    assert_error(client.get(_url(party, "participants/"), headers=outsider), 404)
    assert_error(client.get(_url(party, "participants/?status=gone"), headers=host), 400)
