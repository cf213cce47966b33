"""The room's chat, reactions and polls, seen by a host and a guest in two browsers."""

import re

from playwright.sync_api import expect

from tests.web.social_helpers import chat_log, message, send_chat

HTML = '<b>bold</b><img src=x onerror="window.pwned=1">'


def test_guest_chat_message_appears_once_for_both(room):
    host, guest = room
    send_chat(guest.page, "Hello everyone")
    for page in (host.page, guest.page):
        expect(message(page, "Hello everyone")).to_have_count(1)
        expect(message(page, "Hello everyone").locator(".msg-author")).to_have_text("Gus Guest")
    expect(guest.page.get_by_label("Message", exact=True)).to_have_value("")


def test_chat_message_with_html_shows_as_text(room):
    host, guest = room
    send_chat(guest.page, HTML)
    for page in (host.page, guest.page):
        text = message(page, "<b>bold</b>").locator(".msg-text")
        expect(text).to_have_text(HTML)
        assert chat_log(page).locator("b, img").count() == 0
        assert page.evaluate("typeof window.pwned") == "undefined"


def test_reply_shows_the_quoted_parent(room):
    host, guest = room
    send_chat(guest.page, "Is this the director's cut?")
    message(host.page, "director's cut").get_by_role("button", name="Reply to Gus Guest").click()
    expect(host.page.locator(".reply-bar")).to_contain_text("Replying to Gus Guest: Is this")
    send_chat(host.page, "Yes it is")
    for page in (host.page, guest.page):
        quote = message(page, "Yes it is").locator(".msg-quote")
        expect(quote).to_contain_text("Gus Guest: Is this the director's cut?")
    expect(host.page.locator(".reply-bar")).to_be_hidden()


def test_reaction_floats_over_the_video_for_both(room):
    host, guest = room
    guest.page.get_by_role("button", name="React: party").click()
    for page in (host.page, guest.page):
        expect(page.locator(".reaction-layer .float-emoji", has_text="🎉")).to_have_count(1)
    # The node goes away once its animation ends.
    expect(host.page.locator(".reaction-layer .float-emoji")).to_have_count(0, timeout=6000)


def test_host_poll_gets_guest_vote_live_for_both_and_closes(room):
    host, guest = room
    page = host.page
    page.get_by_role("button", name="New poll").click()
    page.get_by_label("Question").fill("Popcorn or nachos?")
    page.get_by_role("button", name="Add option").click()
    page.get_by_label("Option 1", exact=True).fill("Popcorn")
    page.get_by_label("Option 2", exact=True).fill("Nachos")
    page.get_by_label("Option 3", exact=True).fill("Both")
    page.get_by_role("button", name="Remove option 3").click()
    page.get_by_role("button", name="Start poll").click()
    expect(guest.page.get_by_role("heading", name="Popcorn or nachos?")).to_be_visible()
    expect(guest.page.locator(".poll-option")).to_have_count(2)
    expect(guest.page.get_by_role("button", name="New poll")).to_have_count(0)

    guest.page.get_by_role("button", name="Vote for Nachos").click()
    expect(guest.page.locator(".poll-meta")).to_contain_text("You voted")
    expect(guest.page.get_by_role("button", name="Vote for Popcorn")).to_have_count(0)
    for viewer in (host, guest):
        nachos = viewer.page.get_by_role("progressbar", name="Nachos: 100%")
        expect(nachos).to_have_attribute("aria-valuenow", "100")
        row = viewer.page.locator(".poll-option", has_text="Nachos")
        expect(row).to_contain_text("1 vote · 100%")

    page.get_by_role("button", name="Close poll").click()
    for viewer in (host, guest):
        expect(viewer.page.locator(".poll-meta")).to_contain_text("Closed")


def test_host_deletes_guest_message_for_both(room):
    host, guest = room
    send_chat(guest.page, "spoilers: the butler did it")
    send_chat(host.page, "Please, no spoilers")
    expect(message(guest.page, "no spoilers")).to_be_visible()
    # A guest may delete their own message, not the host's.
    expect(message(guest.page, "no spoilers").get_by_role("button", name="Delete")).to_have_count(0)
    expect(message(guest.page, "butler").get_by_role("button", name="Delete")).to_have_count(1)

    message(host.page, "butler").get_by_role("button", name="Delete message from Gus Guest").click()
    for page in (host.page, guest.page):
        expect(message(page, "butler")).to_have_count(0)
        expect(message(page, "no spoilers")).to_have_count(1)


def test_host_mutes_guest_from_a_message_and_guest_cannot_send(room):
    host, guest = room
    send_chat(guest.page, "spoilers: the butler did it")
    message(host.page, "butler").get_by_role("button", name="Mute Gus Guest").click()
    form = host.page.get_by_role("form", name="Mute Gus Guest")
    form.get_by_label("Reason (optional)").fill("spoilers")
    form.get_by_role("button", name="Mute in chat").click()
    expect(form).to_contain_text("Gus Guest was muted.")
    expect(chat_log(guest.page)).to_contain_text("Gus Guest was muted: spoilers")

    send_chat(guest.page, "can I still talk?")
    status = guest.page.locator("form.chat-form [role=status]")
    expect(status).to_contain_text("You are muted in this chat")
    expect(guest.page.get_by_label("Message", exact=True)).to_have_value("can I still talk?")
    expect(guest.page.locator("button.chat-send")).to_be_enabled()


def test_slow_mode_notice_refusal_and_countdown(room, client, users, watch_party):
    host, guest = room
    party_id = watch_party["party_id"]
    response = client.put(
        f"/api/chat/{party_id}/settings/",
        json={"slow_mode": True, "slow_mode_interval": 30},
        headers=users.session_headers(watch_party["host"]),
    )
    assert response.status_code == 200, response.get_json()
    expect(guest.page.locator(".chat-slow")).to_have_text("Slow mode: one message every 30 s.")
    expect(host.page.locator(".chat-slow")).to_contain_text("hosts and moderators are exempt")

    # The guest's first message in this window went out another way (REST): the server refuses.
    sent = client.post(
        f"/api/chat/{party_id}/messages/send/",
        json={"text": "first"},
        headers=users.session_headers(watch_party["guest"]),
    )
    assert sent.status_code == 201, sent.get_json()
    send_chat(guest.page, "second, too soon")
    status = guest.page.locator("form.chat-form [role=status]")
    expect(status).to_contain_text("Slow mode is on: one message every 30 seconds.")
    expect(guest.page.get_by_label("Message", exact=True)).to_have_value("second, too soon")
    send_button = guest.page.locator("button.chat-send")
    expect(send_button).to_have_text(re.compile(r"Wait \d+ s"))
    expect(send_button).to_be_disabled()
    guest.page.get_by_label("Message", exact=True).press("Enter")
    expect(status).to_contain_text("you can send again in")
    expect(message(host.page, "second, too soon")).to_have_count(0)
