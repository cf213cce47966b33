"""The push service worker (static/sw.js) in real Chromium: registered at the site's root, it
shows a pushed notification with the payload's title, message, tag and url. Chromium's own
push service (FCM) is out of reach, so the message is handed to the worker through the DevTools
protocol's ServiceWorker.deliverPushMessage, as the browser does with a decrypted push."""

import json
import time

NOTIFICATIONS = """() => navigator.serviceWorker.ready
  .then((r) => r.getNotifications())
  .then((shown) => shown.map((n) => ({title: n.title, body: n.body, tag: n.tag, data: n.data})))"""


def registration_id(cdp, page) -> str:
    """Register /sw.js for scope / and wait for DevTools to report its registration."""
    found = {}

    def seen(event):
        for registration in event["registrations"]:
            if registration["scopeURL"].endswith("/") and not registration["isDeleted"]:
                found["id"] = registration["registrationId"]

    cdp.on("ServiceWorker.workerRegistrationUpdated", seen)
    cdp.send("ServiceWorker.enable")
    scope = page.evaluate(
        """() => navigator.serviceWorker.register("/sw.js", {scope: "/"})
          .then(() => navigator.serviceWorker.ready).then((r) => r.scope)"""
    )
    assert scope.endswith("/") and scope.count("/") == 3, scope
    deadline = time.monotonic() + 10
    while "id" not in found and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    return found["id"]


def test_a_pushed_message_is_shown_as_a_notification_that_opens_its_page(viewers, live_server):
    viewer = viewers().open("/")
    viewer.context.grant_permissions(["notifications"], origin=live_server.url)
    cdp = viewer.context.new_cdp_session(viewer.page)
    payload = {
        "id": "3f6c1b7e-0000-4000-8000-000000000001",
        "type": "party_invitation",
        "title": "Bob invited you",
        "message": "Movie night starts now",
        "url": "/party/3f6c1b7e-0000-4000-8000-000000000002",
        "count": 1,
    }
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {
            "origin": live_server.url,
            "registrationId": registration_id(cdp, viewer.page),
            "data": json.dumps(payload),
        },
    )
    shown = []
    deadline = time.monotonic() + 10
    while not shown and time.monotonic() < deadline:
        viewer.page.wait_for_timeout(100)
        shown = viewer.page.evaluate(NOTIFICATIONS)
    assert shown == [
        {
            "title": "Bob invited you",
            "body": "Movie night starts now",
            "tag": payload["id"],
            "data": {"url": payload["url"], "id": payload["id"]},
        }
    ]
    assert viewer.errors() == []
