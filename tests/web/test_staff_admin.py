"""The admin console's settings, maintenance, logs and users pages in real browsers: maintenance
mode is seen by a user (a banner with the message) and not by an admin; the settings form saves
and shows the server's refusals; the maintenance switch works on a phone; an admin suspends
someone and a superuser makes them a moderator; the audit log shows it all."""

from playwright.sync_api import expect

from tests.web.social_helpers import PHONE
from watchparty.extensions import db
from watchparty.site import maintenance, settings
from watchparty.users.models import User


def _fits_a_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"


def test_maintenance_mode_is_seen_by_a_user_and_not_by_an_admin(viewers, users):
    admin = users.admin(first_name="Ada", last_name="Admin")
    person = users.create(first_name="Pat", last_name="Person")
    user = viewers(person).open("/")
    user_page = user.page
    expect(user_page.locator(".maintenance-banner")).to_have_count(0)
    maintenance.switch(
        admin.id, {"enabled": True, "message": "Upgrading the database.", "until": None}
    )

    # No reload: the next API call the page makes is refused, and that shows the banner.
    user_page.get_by_role("navigation", name="Main").get_by_role("link", name="Friends").click()
    banner = user_page.get_by_role("alert").filter(has_text="Down for maintenance")
    expect(banner).to_contain_text("Upgrading the database.")
    user_page.reload()  # and on load, from the public status
    expect(banner).to_contain_text("Upgrading the database.")

    staff = viewers(admin).open("/")
    admin_page = staff.page
    expect(admin_page.locator(".maintenance-note")).to_contain_text("only staff can use the site")
    expect(admin_page.locator(".maintenance-banner")).to_have_count(0)
    expect(admin_page.get_by_role("link", name="Staff")).to_be_visible()
    assert user.errors() == [] and staff.errors() == []


def test_the_settings_page_saves_a_setting_and_shows_a_refusal(viewers, users):
    admin = users.admin(first_name="Ada", last_name="Admin")
    page = viewers(admin).open("/staff/settings").page
    form = page.get_by_role("form", name="Default party size")
    form.get_by_label("Default party size").fill("8")
    form.get_by_role("button", name="Save default party size").click()
    expect(form.get_by_role("status")).to_have_text("Saved: 8.")
    settings.forget_cache()
    assert settings.get("default_party_size") == 8

    form.get_by_label("Default party size").fill("1")
    form.get_by_role("button", name="Save default party size").click()
    expect(form.locator(".field-error")).to_contain_text("greater than or equal to 2")
    settings.forget_cache()
    assert settings.get("default_party_size") == 8

    closed = page.get_by_role("form", name="Registration open")
    closed.get_by_label("Registration open: on").uncheck()
    closed.get_by_role("button", name="Save registration open").click()
    expect(closed.get_by_role("status")).to_have_text("Saved: false.")
    settings.forget_cache()
    assert settings.get("registration_open") is False


def test_an_admin_switches_maintenance_on_and_off_on_a_phone(viewers, users):
    admin = users.admin(first_name="Ada", last_name="Admin")
    page = viewers(admin, viewport=PHONE, touch=True).open("/staff/maintenance").page
    expect(page.locator(".maintenance-state")).to_contain_text("off")
    form = page.get_by_role("form", name="Maintenance mode")
    form.get_by_label("Maintenance mode on").check()
    form.get_by_label("Message people see").fill("Back in ten minutes.")
    form.get_by_role("button", name="Save").click()
    expect(form.get_by_role("status")).to_have_text("Maintenance mode is on.")
    expect(page.locator(".maintenance-state")).to_contain_text("only staff")
    settings.forget_cache()
    assert maintenance.state()["enabled"] is True
    assert maintenance.state()["message"] == "Back in ten minutes."
    _fits_a_phone(page)

    form.get_by_label("Maintenance mode on").uncheck()
    form.get_by_role("button", name="Save").click()
    expect(form.get_by_role("status")).to_have_text("Maintenance mode is off.")
    settings.forget_cache()
    assert maintenance.state()["enabled"] is False


def test_an_admin_suspends_someone_a_superuser_makes_them_a_moderator_and_the_log_shows_it(
    viewers, users
):
    users.admin(first_name="Ada", last_name="Admin")
    root = users.superuser(first_name="Sue", last_name="Root")
    target = users.create(first_name="Tom", last_name="Target", email="tom@example.com")
    page = viewers(root).open("/staff/users").page
    page.get_by_role("search", name="Find users").get_by_label("Name or email").fill("tom@")
    page.get_by_role("button", name="Search").click()
    row = page.locator("tr", has_text="tom@example.com")
    page.get_by_label("Reason for actions").fill("Spam")
    row.get_by_role("button", name="Suspend Tom Target").click()
    expect(page.locator(".staff-page p.status")).to_have_text("Tom Target: suspended.")
    expect(row).to_contain_text("suspended (Spam)")
    row.get_by_label("Role of Tom Target").select_option("moderator")
    expect(page.locator(".staff-page p.status")).to_have_text("Tom Target is now a moderator.")
    db.session.expire_all()
    stored = db.session.get(User, target.id)
    assert stored.status == "suspended" and stored.is_moderator is True

    page.get_by_role("navigation", name="Staff pages").get_by_role("link", name="Logs").click()
    expect(page.get_by_role("tab", name="Audit log")).to_have_attribute("aria-selected", "true")
    expect(page.locator("table.staff-table")).to_contain_text("user.role")
    expect(page.locator("table.staff-table")).to_contain_text("Sue Root")
    page.get_by_role("tab", name="Server errors").click()
    expect(page.get_by_role("tab", name="Server errors")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("search", name="Filter the log").get_by_label("Level")).to_be_visible()
