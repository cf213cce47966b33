"""The help centre in real browsers: a person searches the FAQ, finds an answer helpful, files
a ticket with the contact form and sees it listed; a staff reply appears live in the open
thread (and the owner's answer reaches staff the same way); everything fits a phone."""

from playwright.sync_api import expect

from tests.support.kit import call, category, entry, ticket
from tests.web.social_helpers import PHONE
from tests.web.test_accessibility import UNNAMED
from watchparty.extensions import db
from watchparty.support.models import Ticket


def _faq(client, users):
    staff = users.admin(first_name="Sam", last_name="Support")
    account = category(client, users, staff, "Account")
    video = category(client, users, staff, "Videos")
    entry(client, users, staff, account, "How do I reset my password?", "Use Forgot password.")
    entry(client, users, staff, video, "Why is my upload slow?", "Large files take longer.")
    return staff


def _connected(page):
    expect(page.locator("html[data-notifications=connected]")).to_be_attached()


def _fits_a_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"


def test_search_the_faq_vote_file_a_ticket_and_see_the_staff_reply_live(viewers, users, client):
    staff = _faq(client, users)
    ada = users.create(first_name="Ada", last_name="Lovelace")
    viewer = viewers(ada).open("/")
    page = viewer.page
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Help").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Help centre")
    questions = page.get_by_role("list", name="Questions")
    expect(questions.get_by_role("listitem")).to_have_count(2)
    page.get_by_role("searchbox", name="Search the FAQ").fill("upload")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(questions.get_by_role("listitem")).to_have_count(1)
    questions.get_by_text("Why is my upload slow?").click()
    expect(questions).to_contain_text("Large files take longer.")
    questions.get_by_role("button", name="Helpful", exact=True).click()
    expect(questions).to_contain_text("1 found this helpful")
    page.get_by_role("searchbox", name="Search the FAQ").fill("")
    page.get_by_role("group", name="Categories").get_by_role("button", name="Account").click()
    expect(questions.get_by_role("listitem")).to_have_count(1)
    expect(questions).to_contain_text("How do I reset my password?")

    form = page.get_by_role("form", name="Contact support")
    form.get_by_label("Subject").fill("Cannot upload")
    form.get_by_label("Topic").select_option("technical")
    form.get_by_label("Priority").select_option("high")
    form.get_by_label("What happened?").fill("It stops at 99%")
    form.get_by_role("button", name="Send to support").click()
    mine = page.get_by_role("list", name="Your tickets")
    expect(mine).to_contain_text("Cannot upload")
    filed = db.session.query(Ticket).one()
    assert (filed.priority, filed.category, filed.user_id) == ("high", "technical", ada.id)

    mine.get_by_role("link", name="Cannot upload").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cannot upload")
    _connected(page)
    call(
        client, users, staff, "post", f"/tickets/{filed.id}/messages/", 201, message="Try again now"
    )
    thread = page.get_by_role("list", name="Messages")
    expect(thread).to_contain_text("Try again now")
    expect(thread).to_contain_text("Sam Support (support)")
    expect(page.locator(".ticket-head")).to_contain_text("Waiting for you")
    page.get_by_label("Your reply").fill("It works, thanks")
    page.get_by_role("button", name="Send reply").click()
    expect(thread).to_contain_text("It works, thanks")
    assert viewer.errors() == []


def test_staff_answer_in_the_browser_and_the_owner_sees_it_appear(viewers, users, client):
    staff = users.admin(first_name="Sam", last_name="Support")
    ada = users.create(first_name="Ada", last_name="Lovelace")
    filed = ticket(client, users, ada, "Charged twice", category="billing")
    owner = viewers(ada).open(f"/help/tickets/{filed['id']}").page
    expect(owner.get_by_role("heading", level=1)).to_have_text("Charged twice")
    _connected(owner)
    desk = viewers(staff).open(f"/help/tickets/{filed['id']}").page
    desk.get_by_label("Your reply").fill("Refunded the second charge")
    desk.get_by_role("button", name="Send reply").click()
    expect(owner.get_by_role("list", name="Messages")).to_contain_text("Refunded the second charge")
    desk.get_by_label("Ticket status").select_option("resolved")
    desk.get_by_role("button", name="Set status").click()
    expect(desk.locator(".ticket-head")).to_contain_text("Resolved")
    stranger = viewers(users.create()).open(f"/help/tickets/{filed['id']}").page
    expect(stranger.get_by_role("heading", level=1)).to_have_text("Ticket not found")


def test_the_help_centre_and_a_ticket_fit_a_phone(viewers, users, client, artifacts):
    _faq(client, users)
    ada = users.create(first_name="Ada", last_name="Lovelace")
    viewer = viewers(ada, viewport=PHONE, touch=True).open("/")
    page = viewer.page
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Help").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Help centre")
    questions = page.get_by_role("list", name="Questions")
    expect(questions.get_by_role("listitem")).to_have_count(2)
    questions.get_by_text("How do I reset my password?").click()
    expect(questions.get_by_role("button", name="Not helpful")).to_be_visible()
    _fits_a_phone(page)
    form = page.get_by_role("form", name="Contact support")
    form.get_by_label("Subject").fill("A very long subject " * 8)
    form.get_by_label("What happened?").fill("Details")
    form.get_by_role("button", name="Send to support").click()
    link = page.get_by_role("list", name="Your tickets").get_by_role("link")
    expect(link).to_have_count(1)
    expect(form.get_by_label("Priority")).to_have_value("medium")  # the form starts afresh
    _fits_a_phone(page)
    assert page.evaluate(UNNAMED) == []
    page.screenshot(path=str(artifacts / "help-phone.png"), full_page=True)
    link.click()
    expect(page.get_by_label("Your reply")).to_be_visible()
    _fits_a_phone(page)
    assert page.evaluate(UNNAMED) == []
    assert viewer.errors() == []


def test_signed_out_visitors_read_the_faq_and_are_asked_to_sign_in_to_ask(viewers, users, client):
    _faq(client, users)
    page = viewers().open("/help").page
    expect(page.get_by_role("list", name="Questions").get_by_role("listitem")).to_have_count(2)
    expect(page.get_by_role("link", name="Sign in", exact=True).last).to_be_visible()
    expect(page.get_by_role("form", name="Contact support")).to_have_count(0)
