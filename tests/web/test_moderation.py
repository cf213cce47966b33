"""Moderation in real browsers: a member reports a chat message from the room, a moderator
opens it from the queue and removes it, and it disappears live for everyone in the room; the
queue fits a phone and a moderator takes a report from it."""

from playwright.sync_api import expect

from tests.factories import PartyFactory, chat_messages
from tests.web.social_helpers import PHONE, message, send_chat
from watchparty.extensions import db
from watchparty.moderation.models import ContentReport


def _fits_a_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"


def test_a_reported_message_removed_by_a_moderator_disappears_for_everyone(room, viewers, users):
    host, guest = room
    send_chat(guest.page, "buy cheap pills at spam.example")
    send_chat(guest.page, "what a film")
    expect(message(host.page, "cheap pills")).to_be_visible()
    expect(message(guest.page, "cheap pills").get_by_role("button", name="Report")).to_have_count(0)

    message(host.page, "cheap pills").get_by_role(
        "button", name="Report message from Gus Guest"
    ).click()
    form = host.page.get_by_role("form", name="Report the message from Gus Guest")
    form.get_by_label("Why are you reporting the message from Gus Guest?").select_option("spam")
    form.get_by_label("Details (optional)").fill("ads in the chat")
    form.get_by_role("button", name="Send report").click()
    expect(form).to_contain_text("the report was sent to the moderators")
    db.session.expire_all()
    report = db.session.query(ContentReport).one()
    assert report.content_type == "chat_message" and report.description == "ads in the chat"

    moderator = viewers(users.moderator(first_name="Mo")).open("/staff")
    page = moderator.page
    queue = page.get_by_role("list", name="Reports to review")
    queue.get_by_role("link", name="chat message — spam").click()
    expect(page.locator(".reported-content")).to_have_text("buy cheap pills at spam.example")
    decide = page.get_by_role("form", name="Resolve the report")
    decide.get_by_label("Action").select_option("remove")
    decide.get_by_label("Reason").fill("Advertising")
    decide.get_by_role("button", name="Resolve").click()
    expect(page.locator(".report-status")).to_have_text("resolved: remove")
    expect(page.get_by_role("list", name="History")).to_contain_text("resolved by Mo")

    for viewer in (host, guest):
        expect(message(viewer.page, "cheap pills")).to_have_count(0)
        expect(message(viewer.page, "what a film")).to_have_count(1)
    guest.page.reload()
    expect(guest.page.locator("section.chat[data-state='joined']")).to_be_attached()
    expect(message(guest.page, "what a film")).to_have_count(1)
    expect(message(guest.page, "cheap pills")).to_have_count(0)
    assert moderator.errors() == []


def test_the_queue_fits_a_phone_and_a_moderator_takes_a_report(viewers, users, client):
    host, reporter = users.create(first_name="Hal"), users.create()
    party = PartyFactory().create(host, visibility="public")
    PartyFactory().add(party, reporter)
    (said,) = chat_messages(party, host, 1)
    body = {
        "content_type": "chat_message",
        "content_id": str(said.id),
        "reason": "violence",
        "description": "a threat " * 30,
    }
    filed = client.post(
        "/api/moderation/reports/", json=body, headers=users.session_headers(reporter)
    )
    assert filed.status_code == 201, filed.get_json()

    moderator = viewers(users.moderator(), viewport=PHONE).open("/staff")
    page = moderator.page
    item = page.get_by_role("list", name="Reports to review").locator("li")
    expect(item).to_have_count(1)
    expect(item.locator(".severity")).to_have_text("critical")
    _fits_a_phone(page)
    item.get_by_role("button", name="Assign chat message — violence to me").click()
    expect(page.get_by_role("status").first).to_have_text("The report is yours.")
    expect(item).to_contain_text("assigned to")
    page.get_by_label("Assigned").select_option("me")
    page.get_by_role("button", name="Filter").click()
    expect(item).to_have_count(1)
    item.get_by_role("link").click()
    expect(page.locator(".reported-content")).to_have_text("m0")
    _fits_a_phone(page)
    assert moderator.errors() == []


def test_a_normal_user_sees_no_queue(viewers, users):
    viewer = viewers(users.create()).open("/staff")
    expect(viewer.page.get_by_role("status").first).to_contain_text("Moderator access is required")
