"""Helpers for the room's social panels (chat, reactions, polls, people) in browser tests."""

from playwright.sync_api import expect

PHONE = {"width": 375, "height": 740}


def enter_room(viewers, user, party_id: str, viewport=None, touch=False):
    """Open the party room as `user` and wait until its chat and polls have joined."""
    viewer = viewers(user, viewport=viewport, touch=touch).open(f"/party/{party_id}")
    page = viewer.page
    expect(page.locator("section.chat[data-state='joined']")).to_be_attached()
    expect(page.locator("section.polls[data-state='joined']")).to_be_attached()
    return viewer


def chat_log(page):
    """The chat's message list."""
    return page.get_by_role("log", name="Messages")


def message(page, text: str):
    """The (stored, not pending) chat message whose text is exactly `text`."""
    return (
        chat_log(page)
        .locator("li.msg:not(.pending)")
        .filter(has=page.locator(".msg-text", has_text=text))
    )


def send_chat(page, text: str) -> None:
    """Type `text` into the chat box and press Enter."""
    box = page.get_by_label("Message", exact=True)
    box.fill(text)
    box.press("Enter")


def person(page, name: str):
    """The row of `name` in the people panel."""
    return page.locator("section.people li.person").filter(has_text=name)
