"""Presence and live invitations in real browsers: a friend's row turns Online when they open
any page and shows "Last seen" when they close it; an invitation sent from the API appears on
the invitee's open page (phone-sized) with a Join link to the room."""

import re

from playwright.sync_api import expect

from tests.factories import PartyFactory
from tests.friends.presence_kit import befriend
from tests.web.social_helpers import PHONE


def test_a_friends_row_shows_them_online_live_and_last_seen_after(viewers, users):
    ada = users.create(first_name="Ada", last_name="Lovelace")
    bob = users.create(first_name="Bob", last_name="Builder")
    befriend(ada, bob)
    page = viewers(ada).open("/friends").page
    row = (
        page.get_by_role("list", name="Your friends")
        .get_by_role("listitem")
        .filter(has_text="Bob Builder")
    )
    expect(row.locator(".presence")).to_have_text("Offline")
    theirs = viewers(bob, viewport=PHONE).open("/")
    expect(row.locator(".presence")).to_have_text("Online")
    theirs.page.close()
    expect(row.locator(".presence")).to_contain_text("Last seen")


def test_an_invitation_appears_live_with_a_join_link(viewers, users, client):
    host = users.create(first_name="Hedy", last_name="Lamarr")
    bob = users.create(first_name="Bob")
    page = viewers(bob, viewport=PHONE).open("/").page
    expect(page.locator("html[data-people=connected]")).to_be_attached()
    party = PartyFactory().create(host, title="Friday film")
    answer = client.post(
        f"/api/parties/{party.id}/invite/",
        json={"user_ids": [str(bob.id)], "message": "Bring snacks"},
        headers=users.session_headers(host),
    )
    assert answer.status_code in (200, 201)
    notice = page.locator(".invitation")
    expect(notice).to_contain_text("Hedy Lamarr invited you to “Friday film”")
    expect(notice).to_contain_text("Bring snacks")
    notice.get_by_role("link", name="Join").click()
    expect(page).to_have_url(re.compile(f"/party/{party.id}$"))


def test_the_friends_page_lists_what_friends_did_with_a_link_to_the_party(viewers, users):
    ada = users.create(first_name="Ada")
    bob = users.create(first_name="Bob", last_name="Builder")
    befriend(ada, bob)
    party = PartyFactory().create(bob, title="Film club", visibility="public")
    page = viewers(ada, viewport=PHONE).open("/friends").page
    did = page.get_by_role("list", name="What friends did")
    expect(did).to_contain_text("Bob Builder hosted “Film club”")
    did.get_by_role("link", name="“Film club”").click()
    expect(page).to_have_url(re.compile(f"/party/{party.id}$"))
