"""The room's people panel: roles, presence, and what hosts and moderators can do to members."""

from playwright.sync_api import expect

from tests.web.social_helpers import PHONE, message, person, send_chat


def open_actions(page, name: str):
    """Open the actions menu of `name` and return it."""
    page.get_by_role("button", name=f"Actions for {name}").click()
    return page.get_by_role("group", name=f"Actions for {name}")


def test_members_are_listed_with_roles_and_presence_until_the_guest_leaves(room, artifacts):
    host, guest = room
    for page in (host.page, guest.page):
        expect(page.get_by_role("heading", name="People (2 online)")).to_be_visible()
        expect(person(page, "Hana Host").locator(".badge")).to_have_text("host")
        expect(person(page, "Gus Guest").locator(".badge")).to_have_count(0)
        expect(person(page, "Gus Guest")).to_contain_text("online")
    expect(person(guest.page, "Gus Guest")).to_contain_text("(you)")
    # Only the host gets a menu, and never for themself.
    expect(guest.page.get_by_role("button", name="Actions for Hana Host")).to_have_count(0)
    expect(host.page.get_by_role("button", name="Actions for Hana Host")).to_have_count(0)
    width = guest.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the phone layout scrolls sideways ({width}px)"
    guest.page.screenshot(path=str(artifacts / "people-phone.png"), full_page=True)

    guest.context.close()
    expect(person(host.page, "Gus Guest")).to_contain_text("offline")
    expect(host.page.get_by_role("heading", name="People (1 online)")).to_be_visible()


def test_promoted_guest_gets_moderator_badge_and_moderator_actions(room):
    host, guest = room
    send_chat(host.page, "Welcome, everyone")
    expect(message(guest.page, "Welcome")).to_be_visible()
    expect(guest.page.get_by_role("button", name="Delete message from Hana Host")).to_have_count(0)

    open_actions(host.page, "Gus Guest").get_by_role("button", name="Make moderator").click()
    for page in (host.page, guest.page):
        expect(person(page, "Gus Guest").locator(".badge")).to_have_text("moderator")
    expect(host.page.locator("section.people [role=status]")).to_have_text("Promoted to moderator.")
    expect(guest.page.get_by_role("button", name="Delete message from Hana Host")).to_be_visible()
    expect(guest.page.get_by_role("button", name="New poll")).to_be_visible()

    open_actions(host.page, "Gus Guest").get_by_role("button", name="Remove moderator role").click()
    expect(person(guest.page, "Gus Guest").locator(".badge")).to_have_count(0)
    expect(guest.page.get_by_role("button", name="Delete message from Hana Host")).to_have_count(0)


def test_kicked_guest_is_sent_back_to_the_lobby(room):
    host, guest = room
    open_actions(host.page, "Gus Guest").get_by_role("button", name="Remove from party").click()
    host.page.get_by_role("button", name="Yes, remove from party").click()
    guest.page.wait_for_url(lambda url: url.endswith("/") and "/party/" not in url)
    expect(person(host.page, "Gus Guest")).to_have_count(0)
    expect(host.page.get_by_role("heading", name="People (1 online)")).to_be_visible()


def test_transferring_the_host_role_swaps_the_badges(room):
    host, guest = room
    open_actions(host.page, "Gus Guest").get_by_role("button", name="Make host").click()
    confirm = host.page.get_by_role("group", name="Make host")
    expect(confirm).to_contain_text("Make Gus Guest the host? You will become a moderator.")
    confirm.get_by_role("button", name="Yes, make host").click()
    for page in (host.page, guest.page):
        expect(person(page, "Gus Guest").locator(".badge")).to_have_text("host")
        expect(person(page, "Hana Host").locator(".badge")).to_have_text("moderator")
    # The new host now runs the room; the old one no longer hands out roles.
    expect(guest.page.get_by_role("button", name="Actions for Hana Host")).to_be_visible()
    expect(host.page.get_by_role("button", name="Actions for Gus Guest")).to_have_count(0)
