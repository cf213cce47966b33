"""Subtitles in two real browsers: the video's track appears in both players' track lists, the
host makes it the party's default, and both render its cue at the right time."""

import io

from playwright.sync_api import expect

from tests.videos.factories import ready_video
from tests.web.social_helpers import PHONE
from tests.web.sync_helpers import open_room, wait_playing

VTT = b"WEBVTT\n\n00:00:00.300 --> 00:00:02.500\nHello there\n"
CUE = """() => {
  const v = document.querySelector('video.player-video');
  const track = [...v.textTracks].find((t) => t.mode === 'showing');
  const cue = track && track.activeCues && track.activeCues[0];
  return cue ? [cue.text, v.currentTime] : null;
}"""


def test_both_players_list_the_track_and_render_its_cue_on_time(app, client, users, clips, viewers):
    host, guest = users.create(first_name="Hana"), users.create(first_name="Gus")
    video = ready_video(
        host, clips("subs.mp4", seconds=4, size="320x240"), title="Talk", duration=4.0
    )
    headers = users.session_headers(host)
    upload = {"language": "en", "label": "English", "file": (io.BytesIO(VTT), "en.vtt")}
    added = client.post(
        f"/api/videos/{video.id}/subtitles/",
        data=upload,
        headers=headers,
        content_type="multipart/form-data",
    )
    assert added.status_code == 201, added.get_json()
    body = {
        "title": "Talk night",
        "visibility": "public",
        "video_id": str(video.id),
        "wait_for_ready": False,
    }
    party = client.post("/api/parties/", json=body, headers=headers).get_json()
    client.post(f"/api/parties/{party['id']}/join/", headers=users.session_headers(guest))

    host_view = open_room(viewers, host, party["id"])
    guest_view = open_room(viewers, guest, party["id"], viewport=PHONE)
    for viewer in (host_view, guest_view):
        picker = viewer.page.get_by_label("Subtitles")
        expect(picker.locator("option")).to_have_text(["Off", "English"])
        expect(picker).to_have_value("")
    host_view.page.get_by_label("Subtitles").select_option("en")
    host_view.page.get_by_role("button", name="Make default for everyone").click()
    expect(guest_view.page.get_by_label("Subtitles")).to_have_value("en")

    host_view.page.get_by_role("button", name="Play", exact=True).click()
    for viewer in (host_view, guest_view):
        wait_playing(viewer.page, 0.4)
        shown = viewer.page.wait_for_function(CUE).json_value()
        assert shown[0] == "Hello there" and 0.3 <= shown[1] <= 2.5
    guest_view.page.get_by_label("Subtitles").select_option("")
    guest_view.page.wait_for_function(f"() => !({CUE})()")
    assert host_view.errors() == [] and guest_view.errors() == []
