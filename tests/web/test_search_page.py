"""Global search in a real browser: the header's search box opens /search with results grouped
by type and type tabs; with no words the page is Discover; all of it fits a phone."""

from playwright.sync_api import expect

from tests.search.conftest import video
from tests.web.social_helpers import PHONE


def _fits_a_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"


def test_the_header_search_finds_videos_and_parties_and_tabs_narrow_them(viewers, users, parties):
    ada = users.create(first_name="Ada", last_name="Lovelace")
    video(ada, "Comet documentary")
    parties.create(ada, title="Comet watching night", visibility="public")
    viewer = viewers(ada, viewport=PHONE, touch=True).open("/")
    page = viewer.page
    box = page.get_by_role("search", name="Site").get_by_role("searchbox", name="Search Watchparty")
    box.fill("comet")
    box.press("Enter")
    expect(page).to_have_url(viewer.base_url + "/search?q=comet")
    expect(page.get_by_role("list", name="Videos")).to_contain_text("Comet documentary")
    expect(page.get_by_role("list", name="Parties")).to_contain_text("Comet watching night")
    tabs = page.get_by_role("group", name="Result types")
    expect(tabs.get_by_role("button", name="All (2)")).to_have_attribute("aria-pressed", "true")
    tabs.get_by_role("button", name="Parties (1)").click()
    expect(page.get_by_role("list", name="Parties")).to_be_visible()
    expect(page.get_by_role("list", name="Videos")).to_have_count(0)
    _fits_a_phone(page)
    assert viewer.errors() == []


def test_an_empty_search_shows_discover_to_anyone(viewers, users):
    video(users.create(), "Sunset timelapse", category="nature")
    viewer = viewers(viewport=PHONE).open("/search")
    page = viewer.page
    expect(page.get_by_role("heading", level=1)).to_have_text("Discover")
    expect(page.get_by_role("region", name="Featured videos")).to_contain_text("Sunset timelapse")
    expect(page.get_by_role("region", name="Popular categories")).to_contain_text("nature (1)")
    _fits_a_phone(page)
    assert viewer.errors() == []
