"""A member is told when their own role, and with it their say over playback, changes."""

from playwright.sync_api import expect

from tests.web.party_helpers import plain_party
from tests.web.social_helpers import PHONE, enter_room


def test_a_promoted_member_hears_they_can_now_control_playback_and_the_reverse(
    viewers, users, client
):
    host, guest = users.create(first_name="Hana"), users.create(first_name="Gus")
    party = plain_party(client, users, host, guest, control_policy="moderators")
    viewer = enter_room(viewers, guest, party["id"], viewport=PHONE)
    page = viewer.page
    notice = page.locator(".role-notice [role=status]")
    expect(notice).to_have_text("")  # joining says nothing
    members = f"/api/parties/{party['id']}/participants/{guest.id}"
    headers = users.session_headers(host)

    assert client.post(f"{members}/promote/", headers=headers).status_code == 200
    expect(notice).to_have_text("You are now a moderator. You can now control playback.")
    expect(notice).to_be_in_viewport()  # on a phone too, wherever the people panel is
    expect(page.get_by_role("button", name="Play")).to_be_visible()

    assert client.post(f"{members}/demote/", headers=headers).status_code == 200
    expect(notice).to_have_text(
        "You are no longer a moderator. You can no longer control playback."
    )
    page.locator(".role-notice").get_by_role("button", name="Dismiss").click()
    expect(notice).to_have_text("")
    assert viewer.errors() == []


def test_the_host_letting_everyone_control_tells_a_participant(viewers, users, client):
    host, guest = users.create(), users.create()
    party = plain_party(client, users, host, guest, control_policy="host")
    viewer = enter_room(viewers, guest, party["id"])
    changed = client.patch(
        f"/api/parties/{party['id']}/",
        json={"control_policy": "everyone"},
        headers=users.session_headers(host),
    )
    assert changed.status_code == 200, changed.get_json()
    expect(
        viewer.page.get_by_role("status").filter(has_text="You can now control playback.")
    ).to_be_visible()
    assert viewer.errors() == []
