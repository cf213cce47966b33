"""The staff console's support pages in real browsers: a staff member takes a ticket from the
queue and resolves it (its owner sees the new status and is notified), writes a FAQ question
that the help centre then shows, moves feedback along (its author is notified); the pages fit
a phone."""

from playwright.sync_api import expect

from tests.notifications.producer_kit import only
from tests.support.kit import category, feedback, ticket
from tests.web.social_helpers import PHONE
from tests.web.test_accessibility import UNNAMED
from watchparty.extensions import db
from watchparty.support.models import Faq, Feedback, Ticket


def _fits_a_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"


def test_staff_take_a_ticket_resolve_it_and_the_owner_sees_it(viewers, users, client):
    sam = users.admin(first_name="Sam", last_name="Support")
    ada = users.create(first_name="Ada", last_name="Lovelace")
    filed = ticket(client, users, ada, "Upload stuck")
    ticket(client, users, users.create(), "Someone else's")
    desk = viewers(sam).open("/staff")
    page = desk.page
    page.get_by_role("navigation", name="Staff pages").get_by_role("link", name="Support").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Support tickets")
    row = page.locator("tr", has_text="Upload stuck")
    expect(row).to_contain_text("Ada Lovelace")
    row.get_by_role("button", name="Assign “Upload stuck” to me").click()
    expect(page.locator(".status.ok")).to_contain_text("“Upload stuck” is now yours.")
    expect(row.get_by_label("Assignee of “Upload stuck”")).to_have_value(str(sam.id))
    filters = page.get_by_role("search", name="Filter tickets")
    filters.get_by_label("Assignee").select_option("me")
    filters.get_by_role("button", name="Filter").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    row.get_by_label("Status of “Upload stuck”").select_option("resolved")
    expect(page.locator(".status.ok")).to_contain_text("“Upload stuck” is now resolved.")
    db.session.expire_all()
    stored = db.session.get(Ticket, filed["id"])
    assert (stored.status, stored.assignee_id) == ("resolved", sam.id)
    assert only(client, users, ada, "support_status")["data"]["status"] == "resolved"

    row.get_by_role("link", name="Open “Upload stuck”").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload stuck")
    expect(page.get_by_label("Your reply")).to_be_visible()  # staff reply in the thread
    owner = viewers(ada).open("/help").page
    expect(owner.get_by_role("list", name="Your tickets")).to_contain_text("Resolved")
    owner.get_by_role("link", name="Upload stuck").click()
    expect(owner.locator(".ticket-head")).to_contain_text("Resolved")
    assert desk.errors() == []


def test_the_faq_editor_shows_errors_and_adds_a_question_to_the_help_centre(viewers, users, client):
    staff = users.admin()
    category(client, users, staff, "Account")
    editor = viewers(staff).open("/staff/faq")
    page = editor.page
    expect(page.get_by_role("heading", level=1)).to_have_text("FAQ")
    expect(page.get_by_role("list", name="Categories")).to_contain_text("Account")
    form = page.get_by_role("form", name="New question")
    form.get_by_label("Answer").fill("Use Forgot password on the sign-in page.")
    form.get_by_role("button", name="Add question").click()
    expect(form.get_by_label("Question")).to_have_attribute("aria-invalid", "true")
    expect(form.locator(".form-field", has_text="Question").locator(".field-error")).to_have_text(
        "Length must be between 1 and 200. Must not be blank."
    )
    assert db.session.query(Faq).count() == 0
    form.get_by_label("Question").fill("How do I reset my password?")
    form.get_by_role("button", name="Add question").click()
    expect(page.locator(".status.ok")).to_contain_text("“How do I reset my password?” added.")
    questions = page.get_by_role("list", name="Questions")
    expect(questions).to_contain_text("How do I reset my password?")
    expect(page.get_by_role("list", name="Categories")).to_contain_text("1 question")

    cats = page.get_by_role("form", name="New category")
    cats.get_by_label("Name").fill("Account")
    cats.get_by_role("button", name="Add category").click()
    expect(page.locator(".status.error")).not_to_be_empty()  # the name is taken: 409 shown

    reader = viewers(users.create()).open("/help").page
    shown = reader.get_by_role("list", name="Questions")
    expect(shown).to_contain_text("How do I reset my password?")
    shown.get_by_text("How do I reset my password?").click()
    expect(shown).to_contain_text("Use Forgot password on the sign-in page.")

    questions.get_by_role("button", name="Edit “How do I reset my password?”").click()
    edit = page.get_by_role("form", name="Edit “How do I reset my password?”")
    edit.get_by_label("Question").fill("How do I change my password?")
    edit.get_by_role("button", name="Save question").click()
    expect(questions).to_contain_text("How do I change my password?")
    questions.get_by_role("button", name="Delete “How do I change my password?”").click()
    questions.get_by_role("button", name="Yes: delete").click()
    expect(page.locator(".status.ok")).to_contain_text("deleted")
    expect(questions).not_to_contain_text("How do I change my password?")
    assert db.session.query(Faq).count() == 0
    assert editor.errors() == []


def test_staff_move_feedback_along_and_its_author_is_notified(viewers, users, client):
    staff, ada, bob = users.admin(), users.create(first_name="Ada"), users.create()
    sent = feedback(client, users, ada, "Dark mode")
    feedback(client, users, bob, "Faster uploads", type="bug_report")
    client.post(
        f"/api/support/feedback/{sent['id']}/vote/",
        json={"vote": "upvote"},
        headers=users.session_headers(bob),
    )
    desk = viewers(staff).open("/staff/feedback")
    page = desk.page
    row = page.locator("tr", has_text="Dark mode")
    expect(row).to_contain_text("Score 1 (1 up, 0 down)")
    expect(page.locator("tbody tr").first).to_contain_text("Dark mode")  # best voted first
    row.get_by_label("Status of “Dark mode”").select_option("planned")
    expect(page.locator(".status.ok")).to_contain_text("“Dark mode” is now planned.")
    db.session.expire_all()
    assert db.session.get(Feedback, sent["id"]).status == "planned"
    assert only(client, users, ada, "feedback_status")["title"] == "Feedback planned: Dark mode"
    filters = page.get_by_role("search", name="Filter feedback")
    filters.get_by_label("Type").select_option("bug_report")
    filters.get_by_role("button", name="Filter").click()
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr")).to_contain_text("Faster uploads")
    assert desk.errors() == []


def test_the_support_pages_fit_a_phone(viewers, users, client, artifacts):
    staff = users.admin()
    ada = users.create()
    ticket(client, users, ada, "A very long subject that goes on " * 5)
    feedback(client, users, ada, "A long feedback title " * 6)
    category(client, users, staff, "Account")
    admin = viewers(staff, viewport=PHONE, touch=True)
    for path in ("/staff/support", "/staff/faq", "/staff/feedback"):
        admin.open(path)
        expect(admin.page.get_by_role("heading", level=1)).to_be_visible()
        expect(admin.page.get_by_role("navigation", name="Staff pages")).to_be_visible()
        expect(admin.page.locator(".staff-page .status.error")).to_have_count(0)
        _fits_a_phone(admin.page)
        assert admin.page.evaluate(UNNAMED) == []
        name = path.rsplit("/", 1)[-1]
        admin.page.screenshot(path=str(artifacts / f"staff-{name}-phone.png"), full_page=True)
    assert admin.errors() == []


def test_a_person_who_is_not_an_admin_is_told_so(viewers, users):
    viewer = viewers(users.create())
    for path in ("/staff/support", "/staff/faq", "/staff/feedback"):
        viewer.open(path)
        expect(viewer.page.locator(".status.error")).to_contain_text("Only administrators")
