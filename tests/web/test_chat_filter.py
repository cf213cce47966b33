"""The room's "Chat filter" (host and party moderators): the host adds a word, a guest's message
holding it is refused with the filter's message, the list survives a reload, bad input shows the
API's message; guests never see the control, and it fits a phone."""

from playwright.sync_api import expect

from tests.factories import PartyFactory
from tests.web.social_helpers import PHONE, chat_log, enter_room, message, send_chat
from watchparty.parties.models import MODERATOR

REFUSED = "This message contains a word that is not allowed in this chat."


def _party(users):
    host, guest = users.create(first_name="Hana"), users.create(first_name="Gus")
    mod = users.create(first_name="Moe")
    party = PartyFactory().create(host, visibility="public")
    PartyFactory().add(party, guest)
    PartyFactory().add(party, mod, MODERATOR)
    return party, host, guest, mod


def _words(page):
    return page.locator(".chat-filter .chat-filter-word")


def _fits_a_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"


def test_the_host_blocks_a_word_a_guest_is_refused_and_the_list_survives_reload(viewers, users):
    party, host, guest, mod = _party(users)
    hosting = enter_room(viewers, host, str(party.id))
    watching = enter_room(viewers, guest, str(party.id), viewport=PHONE)
    moderating = enter_room(viewers, mod, str(party.id))
    expect(moderating.page.get_by_text("Chat filter", exact=True)).to_be_visible()
    expect(watching.page.locator(".chat-filter")).to_be_hidden()

    page = hosting.page
    page.get_by_text("Chat filter", exact=True).click()
    page.get_by_label("Add a word").fill("Spoiler")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(_words(page)).to_have_text(["Spoiler"])
    page.get_by_role("button", name="Save filter").click()
    expect(page.locator(".chat-filter [role=status]")).to_have_text("Filter saved.")
    expect(_words(page)).to_have_text(["spoiler"])  # stored as the server keeps it

    send_chat(watching.page, "big SPOILER ahead")
    status = watching.page.locator("form.chat-form [role=status]")
    expect(status).to_have_text(REFUSED)
    expect(chat_log(watching.page).locator("li.msg")).to_have_count(0)
    send_chat(watching.page, "no spoilers here")  # a whole word only
    expect(message(hosting.page, "no spoilers here")).to_have_count(1)

    page.reload()
    expect(page.locator("section.chat[data-state='joined']")).to_be_attached()
    page.get_by_text("Chat filter", exact=True).click()
    expect(_words(page)).to_have_text(["spoiler"])
    page.get_by_role("button", name="Remove spoiler").click()
    expect(_words(page)).to_have_count(0)
    page.get_by_label("Add a word").fill("x" * 70)
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_role("button", name="Save filter").click()
    expect(page.locator(".chat-filter [role=status]")).to_contain_text("blocked_words")
    for viewer in (hosting, watching, moderating):
        assert viewer.errors() == []


def test_the_chat_filter_fits_a_phone(viewers, users):
    party, host, _, _ = _party(users)
    viewer = enter_room(viewers, host, str(party.id), viewport=PHONE)
    page = viewer.page
    page.get_by_text("Chat filter", exact=True).click()
    for word in ("spoiler", "a-rather-long-blocked-word-that-must-wrap-on-a-phone"):
        page.get_by_label("Add a word").fill(word)
        page.get_by_role("button", name="Add", exact=True).click()
    expect(_words(page)).to_have_count(2)
    expect(page.get_by_role("button", name="Save filter")).to_be_visible()
    _fits_a_phone(page)
    assert viewer.errors() == []
