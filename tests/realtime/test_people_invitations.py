"""Invitations arrive live on the invitee's /people connections; someone blocked either way is
skipped (nothing stored, nothing delivered)."""

from tests.friends.presence_kit import befriend
from watchparty.extensions import db
from watchparty.parties.invite_models import PartyInvitation


def _invite(client, users, host, party, *people):
    body = {"user_ids": [str(p.id) for p in people], "message": "Come watch"}
    answer = client.post(
        f"/api/parties/{party.id}/invite/", json=body, headers=users.session_headers(host)
    )
    assert answer.status_code in (200, 201), answer.get_json()
    return answer.get_json()


def test_an_invitation_reaches_every_open_page_of_the_invitee_and_no_one_else(
    client, users, sockets, parties
):
    host, bob, eve = users.create(), users.create(), users.create()
    befriend(host, bob)
    party = parties.create(host, title="Friday film")
    pages = [sockets(bob, "/people"), sockets(bob, "/people")]
    bystander = sockets(eve, "/people")
    sent = _invite(client, users, host, party, bob)
    for page in pages:
        arrived = page.wait_for("invitation")
        assert arrived["id"] == sent["invitations"][0]["id"]
        assert (arrived["party"]["title"], arrived["message"]) == ("Friday film", "Come watch")
        assert arrived["inviter"]["id"] == str(host.id)
    assert bystander.received("invitation") == []


def test_someone_who_blocked_the_inviter_is_skipped_and_hears_nothing(
    client, users, sockets, parties
):
    host, bob = users.create(), users.create()
    party = parties.create(host)
    client.post(f"/api/users/{host.id}/block/", headers=users.session_headers(bob))
    page = sockets(bob, "/people")
    sent = _invite(client, users, host, party, bob)
    assert (sent["invitations"], sent["skipped"]) == ([], [str(bob.id)])
    assert db.session.query(PartyInvitation).count() == 0
    assert page.received("invitation") == []
