"""Host controls, the read-only view of plain participants, and the invite panel."""

import re

from playwright.sync_api import expect

from tests.web.sync_helpers import (
    VIDEO,
    gaps_ms,
    open_room,
    wait_loaded,
    wait_paused,
    wait_playing,
)


def video_prop(page, expression: str):
    return page.evaluate(
        f"() => {{ const v = document.querySelector('{VIDEO}'); return {expression}; }}"
    )


def test_plain_participant_sees_no_controls_and_cannot_seek_until_promoted(
    watch_party, viewers, client, users
):
    party_id = watch_party["party_id"]
    guest = open_room(viewers, watch_party["guest"], party_id)
    page = guest.page
    controls = page.get_by_role("region", name="Playback controls")
    expect(controls.get_by_text("Hana Host and the moderators control playback.")).to_be_visible()
    expect(controls.get_by_role("progressbar", name="Playback position")).to_be_visible()
    for name in ("Play", "Pause", "End party"):
        expect(page.get_by_role("button", name=name, exact=True)).to_have_count(0)
    expect(page.get_by_role("slider", name="Seek")).to_have_count(0)
    expect(page.get_by_label("Speed")).to_have_count(0)
    expect(page.get_by_text("Change video")).to_have_count(0)
    assert video_prop(page, "v.controls") is False  # no native seek bar either

    page.locator(VIDEO).click()  # the video area has focus: shortcuts must still do nothing
    for key in ("k", " ", "ArrowRight"):
        page.keyboard.press(key)
    host = open_room(viewers, watch_party["host"], party_id)
    host.page.get_by_role("button", name="Play").click()  # "Play": the guest's keys sent nothing
    wait_playing(page, 0.3)
    assert max(abs(g) for g in gaps_ms(host.page, page)) < 250
    expect(controls.get_by_role("status")).to_have_text("")

    # Roles change live: made a moderator (who may control here), the guest gets the controls.
    promote = f"/api/parties/{party_id}/participants/{watch_party['guest'].id}/promote/"
    headers = users.session_headers(watch_party["host"])
    assert client.post(promote, headers=headers).status_code == 200
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    expect(page.get_by_role("slider", name="Seek")).to_be_visible()
    expect(page.get_by_role("button", name="End party")).to_have_count(0)  # host only
    assert guest.errors() == [] and host.errors() == []


def test_host_keys_and_speed_reach_the_guest(watch_party, viewers):
    party_id = watch_party["party_id"]
    host = open_room(viewers, watch_party["host"], party_id)
    guest = open_room(viewers, watch_party["guest"], party_id)
    host.page.locator("#app").focus()

    host.page.keyboard.press("k")
    wait_playing(guest.page, 0.2)
    host.page.keyboard.press("ArrowRight")  # +5 s
    wait_playing(guest.page, 5.0)
    assert max(abs(g) for g in gaps_ms(host.page, guest.page)) < 250

    host.page.get_by_label("Speed").select_option("1.5")
    # A rate nudge may ride on top while catching up (at most ±10 %).
    guest.page.wait_for_function(
        f"() => Math.abs(document.querySelector('{VIDEO}').playbackRate - 1.5) <= 0.15"
    )
    host.page.keyboard.press(" ")
    wait_paused(guest.page)
    assert video_prop(guest.page, "v.playbackRate") == 1.5
    expect(host.page.get_by_role("button", name="Play")).to_be_visible()
    assert host.errors() == [] and guest.errors() == []


def test_change_video_switches_both_players_to_the_start(watch_party, viewers, users, clips):
    from tests.videos.factories import ready_video

    clip = clips(
        "party.mp4", seconds=20, size="640x360"
    )  # the fixture's clip: its ladder is cached
    second = ready_video(watch_party["host"], clip, title="Second clip", duration=20.0)
    party_id = watch_party["party_id"]
    host = open_room(viewers, watch_party["host"], party_id)
    guest = open_room(viewers, watch_party["guest"], party_id)
    host.page.get_by_role("button", name="Play").click()
    wait_playing(guest.page, 1.0)

    host.page.get_by_text("Change video").click()
    controls = host.page.get_by_role("region", name="Playback controls")
    picker = controls.get_by_label("One of your ready videos")  # the queue panel has one too
    expect(picker.locator("option", has_text="Second clip")).to_have_count(1)
    picker.select_option(label="Second clip")
    host.page.get_by_role("button", name="Play this video").click()

    for viewer in (host, guest):
        page = viewer.page
        expect(page.locator(VIDEO)).to_have_attribute("data-source", str(second.id))
        wait_loaded(page)
        wait_paused(page)
        assert video_prop(page, "v.currentTime") < 0.1
    expect(host.page.get_by_role("button", name="Play")).to_be_visible()
    assert host.errors() == [] and guest.errors() == []


def test_host_ends_party_and_everyone_lands_in_the_lobby_with_a_notice(watch_party, viewers):
    party_id = watch_party["party_id"]
    host = open_room(viewers, watch_party["host"], party_id)
    guest = open_room(viewers, watch_party["guest"], party_id)
    expect(guest.page.get_by_role("button", name="End party")).to_have_count(0)

    host.page.get_by_role("button", name="End party").click()
    expect(host.page.get_by_text("End the party for everyone?")).to_be_visible()
    host.page.get_by_role("button", name="End it for everyone").click()

    for viewer in (host, guest):
        expect(viewer.page).to_have_url(re.compile(r"/$"))
        expect(viewer.page.get_by_text("The party has ended.")).to_be_visible()
    assert host.errors() == [] and guest.errors() == []


def test_invite_link_and_room_code_copy_to_the_clipboard(watch_party, viewers, live_server):
    party_id, code = watch_party["party_id"], watch_party["room_code"]
    host = open_room(viewers, watch_party["host"], party_id)
    guest = open_room(viewers, watch_party["guest"], party_id)
    for viewer in (host, guest):
        viewer.context.grant_permissions(
            ["clipboard-read", "clipboard-write"], origin=live_server.url
        )
    clipboard = "() => navigator.clipboard.readText()"

    invite = host.page.get_by_role("region", name="Invite")
    expect(invite.get_by_label("Room code")).to_have_value(code)
    invite.get_by_role("button", name="Create invite link").click()
    link = invite.get_by_label("Invite link")
    expect(link).to_have_value(re.compile(rf"^{re.escape(live_server.url)}/join/\w+$"))
    invite.get_by_role("button", name="Copy link").click()
    expect(invite.get_by_role("status")).to_have_text(f"Copied: {link.input_value()}")
    assert host.page.evaluate(clipboard) == link.input_value()

    panel = guest.page.get_by_role("region", name="Invite")
    expect(panel.get_by_role("button", name="Create invite link")).to_have_count(0)
    expect(panel.get_by_label("Invite link")).to_have_value(f"{live_server.url}/party/{party_id}")
    panel.get_by_role("button", name="Copy code").click()
    expect(panel.get_by_role("status")).to_have_text(f"Copied: {code}")
    assert guest.page.evaluate(clipboard) == code
    assert host.errors() == [] and guest.errors() == []
