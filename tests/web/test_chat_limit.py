"""The chat box near and over the party's length limit: a counter, the limit's message, no cut."""

from playwright.sync_api import expect

from tests.web.party_helpers import plain_party
from tests.web.social_helpers import chat_log, enter_room, message


def test_chat_counts_near_the_limit_explains_going_over_and_clears_once_short_enough(
    viewers, users, client
):
    host = users.create(first_name="Hana")
    party = plain_party(client, users, host, title="Chatty")
    viewer = enter_room(viewers, host, party["id"])
    page = viewer.page
    box = page.get_by_label("Message", exact=True)
    counter = page.locator(".chat-count")
    status = page.locator("form.chat-form [role=status]")

    box.fill("a" * 400)
    expect(counter).to_be_hidden()  # far from the limit: nothing to count
    box.fill("a" * 470)
    expect(counter).to_be_visible()
    expect(counter).to_have_text("470 / 500")
    expect(status).to_have_text("")

    box.fill("b" * 520)  # a long paste is kept whole, not silently cut at 500
    expect(box).to_have_value("b" * 520)
    expect(counter).to_have_text("520 / 500")
    expect(status).to_have_text("Messages are limited to 500 characters: 20 too many.")
    expect(box).to_have_attribute("aria-invalid", "true")
    box.press("Enter")  # refused here, with the reason still in view
    expect(status).to_have_text("Messages are limited to 500 characters: 20 too many.")
    expect(chat_log(page).locator("li.msg")).to_have_count(0)

    box.fill("b" * 500)
    expect(status).to_have_text("")  # valid again: the error goes
    expect(box).not_to_have_attribute("aria-invalid", "true")
    expect(counter).to_have_text("500 / 500")
    box.press("Enter")
    expect(message(page, "b" * 500)).to_have_count(1)
    expect(counter).to_be_hidden()  # the box is empty again
    assert viewer.errors() == []


def test_an_emoji_counts_as_one_character_as_the_server_counts_it(viewers, users, client):
    host = users.create()
    party = plain_party(client, users, host)
    viewer = enter_room(viewers, host, party["id"])
    page = viewer.page
    page.get_by_label("Message", exact=True).fill("🎉" * 490)
    expect(page.locator(".chat-count")).to_have_text("490 / 500")
    expect(page.locator("form.chat-form [role=status]")).to_have_text("")
    assert viewer.errors() == []
