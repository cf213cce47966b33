"""On a phone: the nav folds behind a menu button, no keyboard hint on a touch screen, and End
party kept apart from Change video."""

from playwright.sync_api import expect

from tests.web.party_helpers import plain_party
from tests.web.social_helpers import enter_room

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
KEYS = "Keys: space or K play/pause"


def test_on_a_phone_the_nav_folds_behind_a_menu_button(viewers, users, artifacts):
    viewer = viewers(users.create(first_name="Pia"), viewport=PHONE).open("/")
    page = viewer.page
    menu = page.get_by_role("button", name="Menu")
    upload = page.locator("#nav a[href='/upload']")
    expect(upload).to_have_count(1)
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_have_attribute("aria-controls", "nav")
    expect(upload).to_be_hidden()
    header = page.locator("header.top").bounding_box()
    assert header["height"] < 70, f"the header takes {header['height']}px: the nav wraps"

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    nav = page.get_by_role("navigation", name="Main")
    for name in ("Lobby", "Upload", "Your profile"):
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(nav.get_by_role("button", name="Sign out")).to_be_visible()
    page.screenshot(path=str(artifacts / "menu-phone.png"))
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()

    menu.click()
    upload.click()  # following a link folds the menu away
    expect(page.get_by_role("heading", name="Upload a video")).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(upload).to_be_hidden()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width}px)"
    assert viewer.errors() == []


def test_on_a_wide_screen_the_nav_shows_without_a_menu_button(viewers, users):
    viewer = viewers(users.create(), viewport=DESKTOP).open("/")
    page = viewer.page
    expect(page.locator("#nav a[href='/upload']")).to_be_visible()
    expect(page.locator("button.menu-toggle")).to_have_count(1)
    expect(page.locator("button.menu-toggle")).to_be_hidden()
    assert viewer.errors() == []


def test_touch_screens_get_no_keyboard_hint_and_end_party_stands_apart(
    viewers, users, client, artifacts
):
    host = users.create(first_name="Hana")
    party = plain_party(client, users, host, title="Phone night")
    phone = enter_room(viewers, host, party["id"], viewport=PHONE, touch=True)
    page = phone.page
    change = page.get_by_text("Change video", exact=True)
    end = page.get_by_role("button", name="End party")
    expect(end).to_be_visible()
    expect(page.get_by_text(KEYS)).to_be_hidden()
    gap = end.bounding_box()["y"] - (change.bounding_box()["y"] + change.bounding_box()["height"])
    assert gap >= 28, f"End party sits {gap}px under Change video"
    rule = page.locator(".host-actions .end").evaluate("el => getComputedStyle(el).borderTopStyle")
    assert rule == "solid"
    page.screenshot(path=str(artifacts / "host-actions-phone.png"), full_page=True)

    desk = enter_room(viewers, host, party["id"], viewport=DESKTOP)
    expect(desk.page.get_by_text(KEYS)).to_be_visible()  # a mouse and keyboard: keep the hint
    assert phone.errors() == [] and desk.errors() == []
