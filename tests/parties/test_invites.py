"""Room codes, expiring invite codes and personal invitations."""

from datetime import timedelta

from tests.helpers import assert_error
from tests.parties.helpers import create_party
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.parties.invite_models import PartyInviteCode


def test_join_by_code_accepts_both_names_in_any_case(client, users, me):
    _, host = me
    party = create_party(client, host)
    code = party["room_code"]
    first, second = users.session_headers(users.create()), users.session_headers(users.create())
    one = client.post("/api/parties/join-by-code/", json={"code": code.lower()}, headers=first)
    two = client.post("/api/parties/join-by-code/", json={"room_code": code}, headers=second)
    assert one.status_code == two.status_code == 200
    assert one.get_json()["party"]["id"] == party["id"]
    assert (
        client.get(f"/api/parties/{party['id']}/", headers=host).get_json()["participant_count"]
        == 3
    )


def test_join_by_code_errors(client, me):
    _, headers = me
    assert_error(client.post("/api/parties/join-by-code/", json={}, headers=headers), 400)
    response = client.post("/api/parties/join-by-code/", json={"code": "ZZZZZZ"}, headers=headers)
    assert_error(response, 404, "room_code_not_found")


def test_invite_code_admits_without_approval_and_expires(client, users, me):
    _, host = me
    party = create_party(client, host, require_approval=True)
    url = f"/api/parties/{party['id']}/generate-invite/"
    guest = users.session_headers(users.create())
    assert_error(client.post(url, headers=guest), 403)
    created = client.post(url, json={"expires_in": 3600}, headers=host)
    invite = created.get_json()
    assert created.status_code == 201, invite
    assert invite["invite_url"] == f"http://localhost:5000/join/{invite['invite_code']}"
    assert invite["expires_at"].endswith("Z")
    joined = client.post(
        "/api/parties/join-by-invite/", json={"invite_code": invite["invite_code"]}, headers=guest
    )
    assert joined.get_json()["participant"]["status"] == "active"
    row = db.session.query(PartyInviteCode).one()
    row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    late = users.session_headers(users.create())
    response = client.post(
        "/api/parties/join-by-invite/", json={"invite_code": invite["invite_code"]}, headers=late
    )
    assert_error(response, 410, "invite_expired")


def test_invite_code_with_max_uses_is_used_up(client, users, me):
    _, host = me
    party = create_party(client, host)
    url = f"/api/parties/{party['id']}/generate-invite/"
    code = client.post(url, json={"max_uses": 1}, headers=host).get_json()["invite_code"]
    body = {"invite_code": code}
    first, second = users.session_headers(users.create()), users.session_headers(users.create())
    assert client.post("/api/parties/join-by-invite/", json=body, headers=first).status_code == 200
    response = client.post("/api/parties/join-by-invite/", json=body, headers=second)
    assert_error(response, 410, "invite_used_up")


def test_generate_invite_validates_lifetime(client, me):
    _, host = me
    party = create_party(client, host)
    url = f"/api/parties/{party['id']}/generate-invite/"
    for body in ({"expires_in": 31 * 86400}, {"expires_in": "soon"}, {"max_uses": 0}):
        assert_error(client.post(url, json=body, headers=host), 400)
    assert_error(
        client.post("/api/parties/join-by-invite/", json={"invite_code": "NOPE"}, headers=host),
        404,
    )


def test_invitation_accept_and_decline(client, users, me):
    host_user, host = me
    party = create_party(client, host, require_approval=True)
    alice, bob, carol = users.create(), users.create(), users.create()
    url = f"/api/parties/{party['id']}/invite/"
    body = {"user_ids": [str(alice.id), str(bob.id)], "message": "Come!"}
    sent = client.post(url, json=body, headers=host)
    assert sent.status_code == 201 and len(sent.get_json()["invitations"]) == 2
    alice_h, bob_h = users.session_headers(alice), users.session_headers(bob)
    mine = client.get("/api/parties/invitations/", headers=alice_h).get_json()
    assert mine["count"] == 1 and mine["results"][0]["message"] == "Come!"
    invitation_id = mine["results"][0]["id"]
    assert mine["results"][0]["inviter"]["id"] == str(host_user.id)
    carol_h = users.session_headers(carol)
    assert_error(client.get(f"/api/parties/invitations/{invitation_id}/", headers=carol_h), 403)
    assert_error(
        client.post(f"/api/parties/invitations/{invitation_id}/accept/", headers=bob_h), 403
    )
    accepted = client.post(f"/api/parties/invitations/{invitation_id}/accept/", headers=alice_h)
    # Invited by the host: no approval queue.
    assert accepted.get_json()["participant"]["status"] == "active"
    assert_error(
        client.post(f"/api/parties/invitations/{invitation_id}/accept/", headers=alice_h), 409
    )
    bobs = client.get("/api/parties/invitations/?status=pending", headers=bob_h).get_json()
    bob_id = bobs["results"][0]["id"]
    assert (
        client.post(f"/api/parties/invitations/{bob_id}/decline/", headers=bob_h).status_code == 200
    )
    detail = client.get(f"/api/parties/invitations/{bob_id}/", headers=bob_h).get_json()
    assert detail["status"] == "declined"


def test_invite_validates_users_and_membership(client, users, me):
    _, host = me
    party = create_party(client, host)
    url = f"/api/parties/{party['id']}/invite/"
    outsider = users.session_headers(users.create())
    target = users.create()
    assert_error(client.post(url, json={"user_ids": [str(target.id)]}, headers=outsider), 403)
    assert_error(client.post(url, json={"user_ids": []}, headers=host), 400)
    unknown = "00000000-0000-0000-0000-000000000001"
    assert (
        "user_ids"
        in assert_error(client.post(url, json={"user_ids": [unknown]}, headers=host), 400)["errors"]
    )
