"""A chat message hidden by the report threshold comes back, live and in its place, in a guest's
open room once staff dismiss the reports (a viewer who blocked its author still does not see
it), and a direct message comes back in its place in the open thread."""

from playwright.sync_api import expect

from tests.factories import PartyFactory
from tests.moderation.kit import filed, staff_post
from tests.web.social_helpers import PHONE, chat_log, enter_room, message, send_chat
from watchparty.site import settings as site_settings


def _texts(page):
    return chat_log(page).locator("li.msg:not(.pending) .msg-text")


def test_a_dismissed_message_reappears_in_time_order_in_open_rooms(viewers, users, client):
    site_settings.update(None, "report_threshold", 1)
    host, guest = users.create(first_name="Hana"), users.create(first_name="Gus")
    wary = users.create(first_name="Wes")
    party = PartyFactory().create(host, visibility="public")
    for member in (guest, wary):
        PartyFactory().add(party, member)
    blocked = client.post(
        "/api/users/block/", json={"user_id": str(host.id)}, headers=users.session_headers(wary)
    )
    assert blocked.status_code in (200, 201), blocked.get_json()
    hosting = enter_room(viewers, host, str(party.id))
    watching = enter_room(viewers, guest, str(party.id), viewport=PHONE)
    blocking = enter_room(viewers, wary, str(party.id))
    send_chat(hosting.page, "first take")
    expect(message(watching.page, "first take")).to_have_count(1)
    said = hosting.page.evaluate("document.querySelector('.chat-log li.msg').dataset.id")
    report = filed(client, users, guest, "chat_message", said)
    expect(message(watching.page, "first take")).to_have_count(0)  # hidden pending review
    send_chat(hosting.page, "second take")
    expect(_texts(watching.page)).to_have_text(["second take"])

    path = f"/admin/reports/{report['id']}/dismiss/"
    assert staff_post(client, users, users.moderator(), path, {"reason": "fine"}).status_code == 200

    for viewer in (hosting, watching):
        expect(_texts(viewer.page)).to_have_text(["first take", "second take"])
    expect(_texts(blocking.page)).to_have_count(0)
    for viewer in (hosting, watching, blocking):
        assert viewer.errors() == []


def test_a_dismissed_direct_message_reappears_in_place_in_the_open_thread(viewers, users, client):
    site_settings.update(None, "report_threshold", 1)
    ada, bob = users.create(first_name="Ada"), users.create(first_name="Bob")
    start = {"participant_ids": [str(ada.id)]}
    made = client.post(
        "/api/messaging/conversations/", json=start, headers=users.session_headers(bob)
    )
    url = f"/api/messaging/conversations/{made.get_json()['id']}/messages/"
    said = []
    for text in ("first note", "second note"):
        sent = client.post(url, json={"text": text}, headers=users.session_headers(bob))
        said.append(sent.get_json())
    reading = viewers(ada, viewport=PHONE).open("/messages")
    page = reading.page
    page.get_by_role("list", name="Conversations").get_by_role("button").click()
    texts = page.get_by_role("log", name="Conversation").locator("li.dm .dm-text")
    expect(texts).to_have_text(["first note", "second note"])
    report = filed(client, users, ada, "direct_message", said[0]["id"])
    expect(texts).to_have_text(["second note"])

    path = f"/admin/reports/{report['id']}/dismiss/"
    assert staff_post(client, users, users.moderator(), path, {"reason": "fine"}).status_code == 200
    expect(texts).to_have_text(["first note", "second note"])
    assert reading.errors() == []
