"""The Friends page in two real browsers (one phone-sized): find someone, send a request, the
other accepts it, both list each other; a block hides the blocker from the blocked's search."""

from playwright.sync_api import expect

from tests.web.social_helpers import PHONE
from watchparty.extensions import db
from watchparty.moderation.models import ContentReport


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
    assert theirs.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
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


def test_report_someone_from_the_search(viewers, users):
    ada, troll = (
        users.create(first_name="Ada"),
        users.create(first_name="Trolly", last_name="McTroll"),
    )
    page = viewers(ada, viewport=PHONE).open("/friends").page
    page.get_by_role("searchbox", name="Search people").fill("Trolly")
    page.get_by_role("button", name="Search").click()
    found = page.get_by_role("list", name="Search results")
    found.get_by_role("button", name="Report").click()
    found.get_by_label("Why are you reporting Trolly McTroll?").select_option("spam")
    found.get_by_label("Details (optional)").fill("buy my stuff")
    found.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("status").first).to_contain_text("was reported to the moderators")
    db.session.expire_all()
    report = db.session.query(ContentReport).one()
    assert report.content_type == "user" and report.content_id == troll.id
    assert report.reason == "spam"
    assert report.description == "buy my stuff"
