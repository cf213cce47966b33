"""The staff console's health, videos, parties and broadcast pages in real browsers: an admin
reads the health of the site, deletes a video (its files go), and shows a banner that another
person's open page receives live and can dismiss; the pages fit a phone."""

import pytest
from playwright.sync_api import expect

from tests.factories import PartyFactory
from tests.videos.factories import ready_video
from tests.web.social_helpers import PHONE
from watchparty.admin import banner as site_banner
from watchparty.extensions import db
from watchparty.live.state import store
from watchparty.parties.models import Party
from watchparty.storage import storage
from watchparty.videos import keys
from watchparty.videos.models import Video


@pytest.fixture(autouse=True)
def no_banner():
    store().delete(site_banner.KEY)
    yield
    store().delete(site_banner.KEY)


def _fits_a_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"


def test_an_admin_reads_the_health_of_the_site_and_refreshes_it(viewers, users):
    admin = viewers(users.admin()).open("/staff/health")
    page = admin.page
    expect(page.get_by_role("heading", level=1)).to_have_text("Health")
    services = page.locator("table", has_text="Services")
    expect(services.locator("tr", has_text="database")).to_contain_text("healthy")
    expect(services.locator("tr", has_text="stripe")).to_contain_text("not configured")
    expect(page.locator("table", has_text="Queues")).to_contain_text("default")
    expect(page.locator(".health-overall")).to_contain_text("Overall:")
    page.get_by_role("button", name="Refresh").click()
    expect(page.get_by_role("button", name="Refresh")).to_be_enabled()
    expect(page.get_by_role("navigation", name="Staff pages")).to_contain_text("Videos")
    assert admin.errors() == []


def test_a_person_who_is_not_an_admin_is_told_so(viewers, users):
    page = viewers(users.create()).open("/staff/health").page
    expect(page.locator(".status.error")).to_contain_text("Only administrators")


def test_an_admin_deletes_a_video_and_its_files_are_removed(viewers, users, clips, run_jobs):
    owner = users.create(email="owner@example.com")
    video = ready_video(owner, clips("h3-360p.mp4", seconds=3, size="640x360"), title="Doomed clip")
    video_id = video.id
    admin = viewers(users.admin()).open("/staff/videos")
    page = admin.page
    row = page.locator("tr", has_text="Doomed clip")
    expect(row).to_contain_text("owner@example.com")
    row.get_by_role("button", name="Delete Doomed clip").click()
    row.get_by_role("button", name="Yes: delete").click()
    expect(page.locator(".status.ok")).to_contain_text("“Doomed clip” was deleted")
    expect(page.locator("tr", has_text="Doomed clip")).to_have_count(0)
    run_jobs()
    db.session.expire_all()
    assert db.session.get(Video, video_id) is None
    assert storage().list_prefix(keys.video_prefix(video_id)) == []
    assert admin.errors() == []


def test_an_admin_deletes_a_party_from_the_parties_page(viewers, users):
    party_id = PartyFactory().create(users.create(), title="Rowdy room").id
    page = viewers(users.admin()).open("/staff/parties").page
    row = page.locator("tr", has_text="Rowdy room")
    row.get_by_role("button", name="Delete Rowdy room").click()
    row.get_by_role("button", name="Yes: delete").click()
    expect(page.locator(".status.ok")).to_contain_text("“Rowdy room” was deleted.")
    db.session.expire_all()
    gone = db.session.get(Party, party_id)
    assert gone is None or gone.status == "ended"


def test_a_banner_reaches_an_open_page_live_and_can_be_dismissed(viewers, users):
    person = viewers(users.create()).open("/")
    expect(person.page.locator("html")).to_have_attribute("data-notifications", "connected")
    admin = viewers(users.admin()).open("/staff/broadcast").page
    form = admin.get_by_role("form", name="Site banner")
    form.get_by_label("Message").fill("We restart at 22:00 UTC")
    form.get_by_label("Level").select_option("warning")
    form.get_by_role("button", name="Show the banner").click()
    expect(admin.locator(".current-banner")).to_contain_text("We restart at 22:00 UTC")

    shown = person.page.locator(".site-banner")
    expect(shown).to_contain_text("We restart at 22:00 UTC")
    expect(shown).to_have_class("site-banner warning")
    person.page.reload()  # a page loaded later shows it too
    expect(shown).to_contain_text("We restart at 22:00 UTC")
    shown.get_by_role("button", name="Dismiss the announcement").click()
    expect(shown).to_have_count(0)
    person.page.reload()
    expect(person.page.locator("#nav")).to_contain_text("Lobby")
    expect(shown).to_have_count(0)  # dismissed stays dismissed in this browser

    admin.get_by_role("button", name="Take the banner down").click()
    expect(admin.locator(".current-banner")).to_have_text("No banner is showing.")
    assert person.errors() == []


def test_a_notification_goes_to_a_chosen_person(viewers, users, run_jobs):
    chosen = users.create(email="chosen@example.com", first_name="Cleo")
    admin = viewers(users.admin()).open("/staff/broadcast").page
    panel = admin.locator("section", has_text="Notify chosen people")
    panel.get_by_label("Find people").fill("chosen@")
    panel.get_by_role("button", name="Find", exact=True).click()
    panel.get_by_role("button", name="Choose chosen@example.com").click()
    expect(panel.get_by_role("list", name="Chosen people")).to_contain_text("chosen@example.com")
    panel.get_by_label("Message").fill("Your account review is done.")
    panel.get_by_role("button", name="Send to the chosen people").click()
    expect(panel.locator(".status.ok")).to_contain_text("Sending to 1")
    run_jobs()
    from watchparty.notifications.models import Notification

    assert db.session.scalar(db.select(Notification.user_id)) == chosen.id


def test_the_dashboard_shows_the_figures_and_changes_its_window(viewers, users):
    users.create()
    page = viewers(users.admin()).open("/staff/dashboard").page
    signups = page.locator('[data-figure="signups"]')
    expect(signups.locator(".dash-total")).to_contain_text("2 people in all")
    expect(signups).to_contain_text("2 joined in 30 days")
    expect(signups.locator(".dash-bar")).to_have_count(30)
    page.get_by_label("Window").select_option("7")
    expect(signups.locator(".dash-bar")).to_have_count(7)
    expect(page.locator('[data-figure="revenue"] .dash-total')).to_contain_text("0")


def test_the_staff_pages_fit_a_phone(viewers, users):
    admin = viewers(users.admin(), viewport=PHONE, touch=True)
    pages = (
        "/staff/health",
        "/staff/videos",
        "/staff/parties",
        "/staff/broadcast",
        "/staff/dashboard",
    )
    for path in pages:
        admin.open(path)
        expect(admin.page.get_by_role("heading", level=1)).to_be_visible()
        expect(admin.page.get_by_role("navigation", name="Staff pages")).to_be_visible()
        _fits_a_phone(admin.page)
    assert admin.errors() == []
