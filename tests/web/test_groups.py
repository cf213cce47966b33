"""The Groups pages in real browsers: create a group, someone finds and joins it, the owner
promotes and removes them; an invite-only group refuses a join until a friend is invited; a
party hosted for a group shows in a member's lobby; both pages fit a phone."""

import re
import uuid

from playwright.sync_api import expect

from tests.friends.presence_kit import befriend
from tests.groups.kit import create, join
from tests.web.social_helpers import PHONE
from watchparty.extensions import db
from watchparty.groups.access import membership
from watchparty.groups.models import Group
from watchparty.parties.models import PRIVATE


def _status(page):
    return page.locator(".friends-page > p.status")


def _fits_a_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"


def test_create_a_group_then_someone_finds_and_joins_it_and_the_owner_promotes_and_removes(
    viewers, users
):
    ada = users.create(first_name="Ada", last_name="Lovelace")
    bob = users.create(first_name="Bob", last_name="Builder")
    owner = viewers(ada).open("/groups").page
    form = owner.get_by_role("form", name="Create a group")
    form.get_by_label("Group name").fill("Film club")
    form.get_by_label("Description").fill("Old films on Fridays")
    form.get_by_role("button", name="Create group").click()
    expect(owner.get_by_role("heading", level=1)).to_have_text("Film club")
    expect(owner.locator(".group-head")).to_contain_text("Old films on Fridays")
    expect(owner.locator(".group-meta")).to_contain_text("Your role: Owner")
    gid = db.session.query(Group).one().id

    member = viewers(bob).open("/groups").page
    member.get_by_role("searchbox", name="Search groups").fill("film")
    member.get_by_role("button", name="Find groups").click()
    member.get_by_role("list", name="Groups found").get_by_role(
        "button", name="Join Film club"
    ).click()
    expect(_status(member)).to_have_text("You joined Film club.")
    expect(member.get_by_role("list", name="Your groups")).to_contain_text("Member · 2 members")

    owner.reload()
    members = owner.get_by_role("list", name="Members")
    members.get_by_role("button", name="Make Bob Builder an admin").click()
    expect(members.locator("li", has_text="Bob Builder")).to_contain_text("Admin")
    db.session.expire_all()
    assert membership(gid, bob.id).role == "admin"
    members.get_by_role("button", name="Remove Bob Builder").click()
    expect(_status(owner)).to_have_text("Bob Builder was removed.")
    expect(members).not_to_contain_text("Bob Builder")
    db.session.expire_all()
    assert membership(gid, bob.id) is None

    owner.get_by_role("button", name="Leave group").click()
    expect(_status(owner)).to_contain_text("The owner cannot leave")
    assert membership(gid, ada.id).role == "owner"


def test_an_invite_only_group_refuses_a_join_until_a_friend_is_invited(viewers, users, client):
    ada = users.create(first_name="Ada", last_name="Lovelace")
    bob = users.create(first_name="Bob", last_name="Builder")
    befriend(ada, bob)
    gid = uuid.UUID(
        create(client, users, ada, name="Secret society", visibility="invite_only")["id"]
    )

    outsider = viewers(bob).open(f"/groups/{gid}").page
    expect(outsider.locator(".group-meta")).to_contain_text("Invite-only")
    expect(outsider.get_by_role("list", name="Members")).to_contain_text("Only members see")
    outsider.get_by_role("button", name="Join group").click()
    expect(_status(outsider)).to_have_text("This group is invite-only.")
    assert membership(gid, bob.id) is None

    owner = viewers(ada).open(f"/groups/{gid}").page
    owner.get_by_label("Friend to invite").select_option(label="Bob Builder")
    owner.get_by_role("button", name="Invite", exact=True).click()
    expect(_status(owner)).to_have_text("Bob Builder is invited.")

    outsider.goto(outsider.url.split("/groups")[0] + "/groups")
    invitations = outsider.get_by_role("list", name="Group invitations")
    expect(invitations).to_contain_text("from Ada Lovelace")
    invitations.get_by_role("button", name="Join Secret society").click()
    expect(_status(outsider)).to_have_text("You joined Secret society.")
    expect(outsider.get_by_role("list", name="Your groups")).to_contain_text("Secret society")
    expect(invitations).to_contain_text("No invitations.")
    db.session.expire_all()
    assert membership(gid, bob.id).role == "member"


def test_a_party_hosted_for_a_group_shows_in_a_members_lobby_on_a_phone(
    viewers, users, client, parties
):
    ada = users.create(first_name="Ada", last_name="Lovelace")
    bob = users.create(first_name="Bob", last_name="Builder")
    cat = users.create(first_name="Cat")
    party = parties.create(ada, visibility=PRIVATE, title="Club night")
    gid = create(client, users, ada, name="Film club")["id"]
    assert join(client, users, bob, gid).status_code == 200

    host = viewers(ada).open(f"/groups/{gid}").page
    host.get_by_label("Your party to host for the group").select_option(label="Club night")
    host.get_by_role("button", name="Host for the group").click()
    expect(_status(host)).to_contain_text("Club night is hosted for the group")
    listed = host.get_by_role("list", name="Group parties").get_by_role("link", name="Club night")
    expect(listed).to_have_attribute("href", f"/party/{party.id}")

    phone = viewers(bob, viewport=PHONE).open("/").page
    section = phone.locator("#group-parties")
    expect(section.get_by_role("link", name="Club night")).to_be_visible()
    expect(section).to_contain_text("For the group Film club")
    _fits_a_phone(phone)
    stranger = viewers(cat).open("/").page
    expect(stranger.locator("#public-parties")).to_contain_text("No public parties")
    expect(stranger.locator("#group-parties")).to_be_hidden()


def test_both_groups_pages_fit_a_phone_and_the_owner_deletes_after_confirming(
    viewers, users, client
):
    ada = users.create(first_name="Ada", last_name="Lovelace")
    bob = users.create(first_name="Bartholomew", last_name="Longname-Builderson")
    gid = create(client, users, ada, name="A group with a rather long name for a phone")["id"]
    join(client, users, bob, gid)
    page = viewers(ada, viewport=PHONE, touch=True).open("/groups").page
    expect(page.get_by_role("list", name="Your groups")).to_contain_text("Owner · 2 members")
    expect(page.get_by_role("form", name="Create a group")).to_be_visible()
    _fits_a_phone(page)

    page.get_by_role("link", name="A group with a rather long name for a phone").click()
    members = page.get_by_role("list", name="Members")
    expect(
        members.get_by_role("button", name="Remove Bartholomew Longname-Builderson")
    ).to_be_visible()
    _fits_a_phone(page)
    page.get_by_role("button", name="Delete group").click()
    expect(page.locator(".group-actions .confirm")).to_contain_text(
        "Delete A group with a rather long name"
    )
    _fits_a_phone(page)
    page.get_by_role("button", name="Yes: delete group").click()
    expect(page).to_have_url(re.compile(r"/groups$"))
    expect(page.get_by_role("list", name="Your groups")).to_contain_text("You are in no group yet")
    db.session.expire_all()
    assert db.session.get(Group, uuid.UUID(gid)) is None
