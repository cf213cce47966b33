"""The Friends page in two real browsers (one phone-sized): find someone, send a request, the
other accepts it, both list each other; a block hides the blocker from the blocked's search."""

from playwright.sync_api import expect

from tests.web.social_helpers import PHONE


def test_find_add_accept_and_block_from_the_friends_page(viewers, users):
    ada = users.create(first_name="Ada", last_name="Lovelace")
    bob = users.create(first_name="Bob", last_name="Builder")
    mine = viewers(ada).open("/friends").page
    mine.get_by_role("searchbox", name="Search people").fill("Bob")
    mine.get_by_role("button", name="Search").click()
    found = mine.get_by_role("list", name="Search results")
    expect(found).to_contain_text("Bob Builder")
    found.get_by_role("button", name="Add friend").click()
    expect(mine.get_by_role("list", name="Requests you sent")).to_contain_text("Bob Builder")

    theirs = viewers(bob, viewport=PHONE).open("/friends").page
    incoming = theirs.get_by_role("list", name="Requests to you")
    expect(incoming).to_contain_text("Ada Lovelace")
    incoming.get_by_role("button", name="Accept").click()
    expect(theirs.get_by_role("list", name="Your friends")).to_contain_text("Ada Lovelace")
    mine.reload()
    friends = mine.get_by_role("list", name="Your friends")
    expect(friends).to_contain_text("Bob Builder")

    friends.get_by_role("button", name="Block").click()
    expect(mine.get_by_role("list", name="Blocked")).to_contain_text("Bob Builder")
    expect(mine.get_by_role("list", name="Your friends")).not_to_contain_text("Bob Builder")
    theirs.get_by_role("searchbox", name="Search people").fill("Ada")
    theirs.get_by_role("button", name="Search").click()
    expect(theirs.get_by_role("list", name="Search results")).to_contain_text(
        "Nobody by that name."
    )
