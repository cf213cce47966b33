"""Every control is labelled, the room fits a phone, and the keyboard alone can take part."""

from playwright.sync_api import expect

from tests.web.social_helpers import PHONE, enter_room, message, person

# The accessible name the way assistive technology finds it, for the common cases the client
# uses: aria-label, aria-labelledby, <label for>/wrapping label, a button's or link's own text.
UNNAMED = """() => {
  const picks = 'button, input:not([type=hidden]), select, textarea, a[href], video, [role=button]';
  const text = (el) => (el?.textContent || '').trim();
  const name = (el) => {
    if ((el.getAttribute('aria-label') || '').trim()) return true;
    const by = el.getAttribute('aria-labelledby');
    if (by && by.split(/\\s+/).some((id) => text(document.getElementById(id)))) return true;
    if (el.labels && [...el.labels].some((l) => text(l))) return true;
    if (/^(BUTTON|A)$/.test(el.tagName) || el.getAttribute('role') === 'button') return !!text(el);
    return !!(el.getAttribute('title') || '').trim();
  };
  return [...document.querySelectorAll(picks)]
    .filter((el) => el.getClientRects().length > 0 && !name(el))
    .map((el) => el.outerHTML.slice(0, 160));
}"""
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


def _busy_room(client, users, viewers, party, viewport=None):
    """Host and guest in the room with a chat message and an open poll on screen."""
    pid = party["party_id"]
    guest = enter_room(viewers, party["guest"], pid)
    host = enter_room(viewers, party["host"], pid, viewport=viewport)
    body = {"question": "Popcorn?", "options": ["Yes", "No"], "duration": 300}
    headers = users.session_headers(party["host"])
    created = client.post(
        f"/api/interactive/parties/{pid}/polls/create/", json=body, headers=headers
    )
    assert created.status_code in (200, 201), created.get_json()
    sent = client.post(
        f"/api/chat/{pid}/messages/send/",
        json={"text": "hello from the guest", "client_id": "a11y-1"},
        headers=users.session_headers(party["guest"]),
    )
    assert sent.status_code in (200, 201), sent.get_json()
    expect(message(host.page, "hello from the guest")).to_have_count(1)
    expect(host.page.get_by_role("button", name="Vote for Yes")).to_be_visible()
    return host, guest


def test_every_visible_control_in_the_hosts_room_has_a_name(client, users, viewers, watch_party):
    host, _guest = _busy_room(client, users, viewers, watch_party)
    page = host.page
    person(page, "Gus Guest").get_by_role("button", name="Actions for Gus Guest").click()
    page.get_by_role("button", name="New poll").click()
    assert page.evaluate(UNNAMED) == []
    assert host.errors() == []


def test_the_room_fits_a_phone_without_sideways_scrolling(client, users, viewers, watch_party):
    host, _guest = _busy_room(client, users, viewers, watch_party, viewport=PHONE)
    assert host.page.evaluate(OVERFLOW) <= 0
    assert host.page.evaluate(UNNAMED) == []


def test_the_keyboard_alone_reaches_the_chat_box_and_sends(viewers, watch_party):
    guest = enter_room(viewers, watch_party["guest"], watch_party["party_id"])
    page = guest.page
    page.locator("body").click(position={"x": 1, "y": 1})
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement?.getAttribute('aria-label')") == "Message":
            break
        if page.evaluate("() => document.activeElement?.labels?.[0]?.textContent") == "Message":
            break
    else:
        raise AssertionError("Tab never reached the chat box")
    page.keyboard.type("typed without a mouse")
    page.keyboard.press("Enter")
    expect(message(page, "typed without a mouse")).to_have_count(1)
    assert guest.errors() == []
