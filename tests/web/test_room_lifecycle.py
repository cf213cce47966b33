"""Entering and leaving the room: refusals are final, in-page links keep the room as it is."""

import re

from playwright.sync_api import expect

from tests.web.social_helpers import PHONE
from tests.web.sync_helpers import open_room


def test_an_ended_party_sends_the_visitor_to_the_lobby_with_the_reason(
    client, users, viewers, watch_party
):
    pid = watch_party["party_id"]
    ended = client.post(
        f"/api/parties/{pid}/end/", headers=users.session_headers(watch_party["host"])
    )
    assert ended.status_code == 200, ended.get_json()
    viewer = viewers(watch_party["guest"]).open(f"/party/{pid}")
    expect(viewer.page).to_have_url(re.compile(r"/$"))
    expect(viewer.page.get_by_role("status").filter(has_text="ended")).to_be_visible()
    assert viewer.page.title() == "Watchparty"
    assert viewer.errors() == []


def test_the_skip_link_moves_focus_without_rebuilding_the_room(viewers, watch_party):
    viewer = open_room(viewers, watch_party["guest"], watch_party["party_id"])
    page = viewer.page
    page.evaluate("document.querySelector('video').dataset.mark = 'first'")
    page.get_by_role("link", name="Skip to content").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/party/[^/#]+#app$"))
    page.wait_for_timeout(300)  # a re-render would have replaced the video by now
    assert page.evaluate("document.querySelector('video')?.dataset.mark") == "first"
    assert viewer.errors() == []


def test_a_sign_in_link_cannot_send_people_to_another_site(viewers, users):
    user = users.create(first_name="Nia")
    viewer = viewers().open("/signin?next=/%5Cevil.example/steal")
    page = viewer.page
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill("Sturdy-Passw0rd!")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Welcome, Nia")).to_be_visible()
    assert page.url.startswith(viewer.base_url)
    assert viewer.errors() == []


def test_settings_the_host_changes_reach_a_viewer_without_a_reload(
    client, users, viewers, watch_party
):
    guest = open_room(viewers, watch_party["guest"], watch_party["party_id"])
    page = guest.page
    expect(page.get_by_role("button", name="Play")).to_have_count(0)
    body = {"allow_chat": False, "control_policy": "everyone", "title": "Late show"}
    headers = users.session_headers(watch_party["host"])
    changed = client.patch(f"/api/parties/{watch_party['party_id']}/", json=body, headers=headers)
    assert changed.status_code == 200, changed.get_json()
    expect(page.get_by_role("heading", name="Late show")).to_be_visible()
    expect(page.get_by_text("Chat is turned off in this party.")).to_be_visible()
    expect(page.get_by_role("button", name="Play")).to_be_visible()
    assert guest.errors() == []


def test_a_viewer_signed_out_everywhere_leaves_the_room_for_sign_in_at_once(
    client, users, viewers, watch_party
):
    guest = open_room(viewers, watch_party["guest"], watch_party["party_id"], viewport=PHONE)
    elsewhere = users.login(watch_party["guest"])  # another device of the same person
    headers = {"Authorization": f"Bearer {elsewhere['access_token']}"}
    response = client.post("/api/auth/sessions/revoke-all/", headers=headers)
    assert response.status_code == 200, response.get_json()
    expect(guest.page).to_have_url(re.compile(r"/signin\?next="), timeout=5_000)
    expect(guest.page.get_by_role("heading", name="Sign in")).to_be_visible()
