"""Inviting a friend from the room: the friends list in the invite panel sends a personal
invitation, which lets the friend into a private party (on a phone-sized screen)."""

from playwright.sync_api import expect

from tests.web.social_helpers import PHONE
from watchparty.extensions import db
from watchparty.friends import service as friends
from watchparty.parties.invite_models import PartyInvitation


def test_a_friend_invited_from_the_room_gets_an_invitation_that_admits_them(
    app, client, users, parties, viewers
):
    host, pal = users.create(first_name="Hana"), users.create(first_name="Pal", last_name="Friend")
    with app.test_request_context():
        friends.request(host, pal)
        friends.request(pal, host)  # asking back accepts
    party = parties.create(host)  # private
    page = viewers(host, viewport=PHONE).open(f"/party/{party.id}").page
    listed = page.get_by_role("list", name="Invite a friend")
    listed.get_by_role("button", name="Invite Pal Friend").click()
    expect(listed).to_contain_text("Invited")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    db.session.expire_all()
    invitation = db.session.query(PartyInvitation).one()
    assert invitation.invitee_id == pal.id and invitation.inviter_id == host.id
    joined = client.post(f"/api/parties/{party.id}/join/", headers=users.session_headers(pal))
    assert joined.status_code == 200, joined.get_json()
