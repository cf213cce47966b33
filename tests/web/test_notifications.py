"""Notifications in real browsers: the header's bell counts unread ones live (a friend request
sent from another browser), its dropdown opens what a notification is about and marks it read,
the notifications page filters, deletes and clears, and the settings page saves switches that
persist. Phone-sized runs check that the bell, its dropdown and both pages fit 375 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.notifications.push_kit import vapid_keys
from tests.web.social_helpers import PHONE
from watchparty.common.notify import notify

PREFS = "/api/notifications/preferences/"
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
DEVICES = "/api/notifications/push/devices/"
# Headless Chromium's contexts are incognito, where the Push API always refuses: this stands in
# for the browser's push service with a subscription of the right shape (65-byte P-256 key,
# 16-byte secret); the page's service worker, permission and server calls stay real.
FAKE_PUSH = """(() => {
  const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, "-")
    .replace(/\\//g, "_").replace(/=+$/, "");
  let current = null;
  const make = () => ({
    endpoint: "https://push.example.com/send/browser-1",
    toJSON() {
      const key = [4, ...Array(64).fill(7)];
      return { endpoint: this.endpoint, expirationTime: null,
               keys: { p256dh: b64(key), auth: b64(Array(16).fill(9)) } };
    },
    unsubscribe: async () => { current = null; return true; },
  });
  PushManager.prototype.subscribe = async function () { current = make(); return current; };
  PushManager.prototype.getSubscription = async function () { return current; };
})()"""


@pytest.fixture
def vapid(app, monkeypatch):
    """The server can send browser push (a fresh VAPID key pair)."""
    public, private = vapid_keys()
    monkeypatch.setitem(app.config, "VAPID_PUBLIC_KEY", public)
    monkeypatch.setitem(app.config, "VAPID_PRIVATE_KEY", private)


def _bell(page):
    return page.locator("header .bell-button")


def _connected(viewer):
    expect(viewer.page.locator("html[data-notifications=connected]")).to_be_attached()
    return viewer


def _inbox(client, users, user, **query) -> dict:
    headers = users.session_headers(user)
    response = client.get("/api/notifications/", query_string=query, headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_the_bell_counts_a_friend_request_sent_from_another_browser_live(viewers, users):
    ada = users.create(first_name="Ada", last_name="Lovelace")
    bob = users.create(first_name="Bob", last_name="Builder")
    mine = _connected(viewers(ada).open("/")).page
    expect(_bell(mine)).to_have_attribute("aria-label", "Notifications, none unread")
    expect(mine.locator(".bell-badge")).to_be_hidden()

    theirs = viewers(bob, viewport=PHONE).open("/friends").page
    theirs.get_by_role("searchbox", name="Search people").fill("Ada")
    theirs.get_by_role("button", name="Search").click()
    found = theirs.get_by_role("list", name="Search results")
    found.get_by_role("button", name="Add friend").click()
    expect(theirs.get_by_role("list", name="Requests you sent")).to_contain_text("Ada Lovelace")

    expect(_bell(mine)).to_have_attribute("aria-label", "Notifications, 1 unread")
    expect(mine.locator(".bell-badge")).to_have_text("1")
    _bell(mine).click()
    item = mine.get_by_role("list", name="Latest notifications").get_by_role("listitem").first
    expect(item).to_contain_text("Bob Builder sent you a friend request")


def test_a_raised_notification_reaches_the_open_bell_and_its_dropdown(viewers, users):
    ada = users.create()
    notify(ada.id, "test", "Earlier", "From before the page opened")
    page = _connected(viewers(ada).open("/")).page
    expect(_bell(page)).to_have_attribute("aria-label", "Notifications, 1 unread")
    _bell(page).click()
    latest = page.get_by_role("list", name="Latest notifications")
    expect(latest.get_by_role("listitem")).to_have_count(1)
    notify(ada.id, "group_invitation", "Group invitation", "Join Film club", data={"group_id": "x"})
    expect(_bell(page)).to_have_attribute("aria-label", "Notifications, 2 unread")
    expect(latest.get_by_role("listitem").first).to_contain_text("Join Film club")
    page.keyboard.press("Escape")
    expect(page.locator("#bell-menu")).to_be_hidden()
    expect(_bell(page)).to_be_focused()


def test_clicking_a_notification_opens_its_page_and_marks_it_read(viewers, users, client):
    ada, bob = users.create(), users.create(first_name="Bob")
    data = {"sender_id": str(bob.id)}
    notify(ada.id, "friend_request", "New friend request", "Bob asked", data=data)
    page = _connected(viewers(ada).open("/")).page
    _bell(page).click()
    page.get_by_role("link", name=re.compile("Bob asked")).click()
    expect(page).to_have_url(re.compile(r"/friends$"))
    expect(page.get_by_role("heading", name="Friends", exact=True)).to_be_visible()
    expect(_bell(page)).to_have_attribute("aria-label", "Notifications, none unread")
    assert _inbox(client, users, ada)["results"][0]["read"] is True

    _bell(page).click()
    page.get_by_role("link", name="See all").click()
    expect(page).to_have_url(re.compile(r"/notifications$"))
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()


def test_the_notifications_page_filters_marks_deletes_and_clears(viewers, users, client):
    ada = users.create()
    for title in ("First", "Second", "Third"):
        notify(ada.id, "test", title, f"{title} message")
    first = _inbox(client, users, ada)["results"][-1]["id"]
    client.post(f"/api/notifications/{first}/mark-read/", headers=users.session_headers(ada))
    page = _connected(viewers(ada).open("/notifications")).page
    rows = page.get_by_role("list", name="Your notifications").get_by_role("listitem")
    expect(rows).to_have_count(3)
    expect(page.get_by_text("2 unread")).to_be_visible()

    page.get_by_role("button", name="Unread", exact=True).click()
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="First")).to_have_count(0)
    page.get_by_role("button", name="Mark “Second” read").click()
    expect(rows).to_have_count(1)
    notify(ada.id, "test", "Fourth", "arrived live")
    expect(rows.first).to_contain_text("Fourth")

    page.get_by_role("button", name="All", exact=True).click()
    expect(rows).to_have_count(4)
    page.get_by_role("button", name="Delete “Third”").click()
    expect(rows.filter(has_text="Third")).to_have_count(0)
    titles = [n["title"] for n in _inbox(client, users, ada)["results"]]
    assert titles == ["Fourth", "Second", "First"]

    page.get_by_role("button", name="Clear all notifications").click()
    page.get_by_role("button", name="Yes: clear all").click()
    expect(rows).to_have_text(["No notifications yet."])
    assert _inbox(client, users, ada)["count"] == 0


def test_the_notifications_page_loads_more_and_hears_reads_from_elsewhere(viewers, users, client):
    ada = users.create()
    for n in range(23):
        notify(ada.id, "test", f"Note {n}", "m")
    page = _connected(viewers(ada, viewport=PHONE).open("/notifications")).page
    rows = page.get_by_role("list", name="Your notifications").locator("li[data-id]")
    expect(rows).to_have_count(20)
    page.get_by_role("button", name="Load more").click()
    expect(rows).to_have_count(23)
    expect(page.get_by_role("button", name="Load more")).to_be_hidden()
    client.post("/api/notifications/mark-all-read/", headers=users.session_headers(ada))
    expect(page.locator("li.notification-row.unread")).to_have_count(0)
    expect(page.get_by_text("All read.")).to_be_visible()
    assert page.evaluate(OVERFLOW) <= 0


def test_the_settings_page_saves_switches_that_persist(viewers, users, client):
    ada = users.create()
    viewer = viewers(ada).open("/profile")
    page = viewer.page
    page.get_by_role("link", name="Notification settings").click()
    expect(page).to_have_url(re.compile(r"/settings/notifications$"))
    page.get_by_label("Email", exact=True).uncheck()
    page.get_by_label("Party invitations", exact=True).uncheck()
    page.get_by_text("Advanced: channels for each kind").click()
    page.get_by_label("Friend requests: browser", exact=True).uncheck()
    page.get_by_label("Quiet from").fill("22:00")
    page.get_by_label("Quiet until").fill("07:00")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Settings saved.")).to_be_visible()

    saved = client.get(PREFS, headers=users.session_headers(ada)).get_json()
    assert saved["email_notifications"] is False and saved["push_notifications"] is True
    assert saved["party_invites"] is False and saved["friend_requests"] is True
    channels = saved["channels"]["friend_request"]
    assert channels == {"email": True, "web_push": False, "mobile_push": True}
    assert (saved["quiet_hours_start"], saved["quiet_hours_end"]) == ("22:00", "07:00")
    page.reload()
    expect(page.get_by_label("Email", exact=True)).not_to_be_checked()
    expect(page.get_by_label("Party invitations", exact=True)).not_to_be_checked()
    expect(page.get_by_label("Quiet from")).to_have_value("22:00")
    assert viewer.errors() == []


def test_denied_browser_notifications_say_how_to_allow_them(viewers, users, vapid):
    viewer = viewers(users.create(), viewport=PHONE).open("/settings/notifications")
    page = viewer.page
    viewer.context.clear_permissions()  # Chromium answers an ungranted request with "denied"
    page.get_by_role("button", name="Enable browser notifications").click()
    panel = page.locator("section.push-panel")
    expect(panel.get_by_role("status")).to_contain_text("Notifications are blocked for this site")
    expect(page.get_by_role("button", name="Enable browser notifications")).to_be_enabled()


def test_on_a_phone_the_bell_and_its_dropdown_fit_the_screen(viewers, users, artifacts):
    ada = users.create()
    for n in range(10):
        notify(ada.id, "test", f"A rather long notification title {n}", "with a message " * 6)
    viewer = _connected(viewers(ada, viewport=PHONE, touch=True).open("/"))
    page = viewer.page
    expect(_bell(page)).to_be_visible()
    assert page.locator("header.top").bounding_box()["height"] < 70
    _bell(page).click()
    latest = page.get_by_role("list", name="Latest notifications").get_by_role("listitem")
    expect(latest).to_have_count(8)
    box = page.locator("#bell-menu").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert page.evaluate(OVERFLOW) <= 0
    page.screenshot(path=str(artifacts / "bell-phone.png"))
    page.get_by_role("link", name="Settings", exact=True).click()
    expect(page.get_by_role("heading", name="Notification settings")).to_be_visible()
    page.get_by_text("Advanced: channels for each kind").click()
    assert page.evaluate(OVERFLOW) <= 0
    page.screenshot(path=str(artifacts / "notification-settings-phone.png"), full_page=True)
    assert viewer.errors() == []


def test_browser_push_registers_the_worker_and_says_why_it_cannot_subscribe(viewers, users, vapid):
    viewer = viewers(users.create())
    viewer.context.grant_permissions(["notifications"])
    page = viewer.open("/settings/notifications").page
    page.get_by_role("button", name="Enable browser notifications").click()
    status = page.locator("section.push-panel").get_by_role("status")
    expect(status).to_contain_text("This browser could not subscribe to push")
    script = "navigator.serviceWorker.getRegistration('/').then((r) => r?.active?.scriptURL)"
    assert page.evaluate(script).endswith("/sw.js")


def test_browser_push_subscription_is_sent_and_disable_removes_it(viewers, users, client, vapid):
    ada = users.create()
    viewer = viewers(ada, viewport=PHONE)
    viewer.context.grant_permissions(["notifications"])
    viewer.context.add_init_script(FAKE_PUSH)
    page = viewer.open("/settings/notifications").page
    page.get_by_role("button", name="Enable browser notifications").click()
    expect(page.get_by_text("Browser notifications are on.")).to_be_visible()
    expect(page.get_by_text("On in this browser.", exact=True)).to_be_visible()
    headers = users.session_headers(ada)
    devices = client.get(DEVICES, headers=headers).get_json()["devices"]
    assert [d["web_push"] for d in devices] == [True]

    page.get_by_role("button", name="Disable browser notifications").click()
    expect(page.get_by_text("Off in this browser.", exact=True)).to_be_visible()
    assert client.get(DEVICES, headers=headers).get_json()["devices"] == []
    assert viewer.errors() == []


def test_without_server_keys_enabling_push_says_it_is_not_set_up(viewers, users, app, monkeypatch):
    monkeypatch.setitem(app.config, "VAPID_PUBLIC_KEY", None)
    viewer = viewers(users.create())
    viewer.context.grant_permissions(["notifications"])
    page = viewer.open("/settings/notifications").page
    page.get_by_role("button", name="Enable browser notifications").click()
    expect(page.get_by_text("not set up on this server yet")).to_be_visible()
