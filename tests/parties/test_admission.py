"""One admission rule on every way in: REST join by id, room code, invite code, invitation
and the socket `join`. Private parties need an invite; kicked members need a fresh one;
banned users stay out; strangers cannot tell a private party exists."""

import pytest

from tests.helpers import assert_error
from tests.parties.helpers import create_party
from watchparty.extensions import db
from watchparty.parties.invite_models import PartyInviteCode


@pytest.fixture
def private(client, me):
    """A private party hosted by `me`."""
    return create_party(client, me[1], visibility="private")


def _join(client, party, headers):
    return client.post(f"/api/parties/{party['id']}/join/", headers=headers)


def _invite_code(client, party, host) -> str:
    url = f"/api/parties/{party['id']}/generate-invite/"
    return client.post(url, json={"expires_in": 3600}, headers=host).get_json()["invite_code"]


def _by_invite(client, code, headers):
    return client.post("/api/parties/join-by-invite/", json={"invite_code": code}, headers=headers)


def _invite(client, party, host, user):
    body = {"user_ids": [str(user.id)], "message": "come"}
    response = client.post(f"/api/parties/{party['id']}/invite/", json=body, headers=host)
    assert response.status_code in (200, 201), response.get_json()


def test_stranger_cannot_join_a_private_party_by_id_and_is_told_it_does_not_exist(
    client, users, private
):
    stranger = users.session_headers(users.create())
    assert_error(_join(client, private, stranger), 404, "party_not_found")
    assert_error(client.get(f"/api/parties/{private['id']}/", headers=stranger), 404)
    chat = client.get(f"/api/chat/{private['id']}/messages/", headers=stranger)
    assert chat.status_code == 404
    participants = client.get(f"/api/parties/{private['id']}/participants/", headers=stranger)
    assert participants.status_code == 404


def test_a_private_partys_room_code_does_not_open_it(client, users, private):
    stranger = users.session_headers(users.create())
    body = {"code": private["room_code"]}
    response = client.post("/api/parties/join-by-code/", json=body, headers=stranger)
    assert_error(response, 404, "room_code_not_found")


def test_an_invitation_addressed_to_the_user_opens_a_private_party_by_id(
    client, users, me, private
):
    guest = users.create()
    _invite(client, private, me[1], guest)
    joined = _join(client, private, users.session_headers(guest))
    assert joined.status_code == 200 and joined.get_json()["participant"]["status"] == "active"


def test_an_invite_code_opens_a_private_party(client, users, me, private):
    code = _invite_code(client, private, me[1])
    joined = _by_invite(client, code, users.session_headers(users.create()))
    assert joined.status_code == 200 and joined.get_json()["participant"]["status"] == "active"


def test_approval_required_party_holds_a_joiner_by_id_or_code_as_pending(client, users, me):
    party = create_party(client, me[1], require_approval=True)
    by_id = _join(client, party, users.session_headers(users.create()))
    assert by_id.get_json()["participant"]["status"] == "pending"
    body = {"code": party["room_code"]}
    headers = users.session_headers(users.create())
    by_code = client.post("/api/parties/join-by-code/", json=body, headers=headers)
    assert by_code.get_json()["participant"]["status"] == "pending"


def test_kicked_member_needs_a_fresh_invite_to_come_back(client, users, me):
    party = create_party(client, me[1])
    old_code = _invite_code(client, party, me[1])
    guest = users.create()
    headers = users.session_headers(guest)
    assert _join(client, party, headers).status_code == 200
    kick = f"/api/parties/{party['id']}/participants/{guest.id}/kick/"
    assert client.post(kick, headers=me[1]).status_code == 200
    assert_error(_join(client, party, headers), 403, "kicked")
    body = {"code": party["room_code"]}
    by_code = client.post("/api/parties/join-by-code/", json=body, headers=headers)
    assert_error(by_code, 403, "kicked")
    assert_error(_by_invite(client, old_code, headers), 403, "kicked")
    assert db.session.query(PartyInviteCode).filter_by(code=old_code).one().uses == 0
    fresh = _invite_code(client, party, me[1])
    assert _by_invite(client, fresh, headers).status_code == 200


def test_banned_user_is_refused_even_with_an_invite_code(client, users, me, private):
    guest = users.create()
    headers = users.session_headers(guest)
    ban = f"/api/parties/{private['id']}/participants/{guest.id}/ban/"
    assert client.post(ban, json={}, headers=me[1]).status_code == 200
    code = _invite_code(client, private, me[1])
    assert_error(_by_invite(client, code, headers), 403, "banned")
    assert db.session.query(PartyInviteCode).filter_by(code=code).one().uses == 0


def test_socket_join_follows_the_same_rule(client, users, me, sockets, private):
    stranger = users.create()
    ack = sockets(stranger, "/party").call("join", {"party_id": private["id"]})
    assert ack["ok"] is False and ack["error"] == "party_not_found"
    invited = users.create()
    _invite(client, private, me[1], invited)
    ack = sockets(invited, "/party").call("join", {"party_id": private["id"]})
    assert ack["ok"] is True, ack


def test_socket_join_of_a_kicked_member_is_refused(client, users, me, sockets):
    party = create_party(client, me[1])
    guest = users.create()
    assert _join(client, party, users.session_headers(guest)).status_code == 200
    kick = f"/api/parties/{party['id']}/participants/{guest.id}/kick/"
    assert client.post(kick, headers=me[1]).status_code == 200
    ack = sockets(guest, "/party").call("join", {"party_id": party["id"]})
    assert ack["ok"] is False and ack["error"] == "kicked"
