"""The queue and the end of a video in two real browsers (host on a desktop, guest on a phone):
both players stop on the same frame at the end, both see "Ended" and "Up next", both start the
next item; vote-skip from the room; a bad media URL is refused with its reason."""

import pytest
from playwright.sync_api import expect

from tests.videos.factories import ready_video
from tests.web.social_helpers import PHONE
from tests.web.sync_helpers import open_room, wait_playing

STOPPED_AT = """() => {
  const v = document.querySelector('video.player-video');
  window.__stops = [];
  const now = () => performance.timeOrigin + performance.now();
  v.addEventListener('pause', () => window.__stops.push(now()));
}"""


@pytest.fixture
def short_party(app, users, clips):
    """A public party whose first item is a real 3 s HLS video, its host and a guest."""
    app.config["QUEUE_ADVANCE_SECONDS"] = 2
    client = app.test_client()
    host, guest = users.create(first_name="Hana"), users.create(first_name="Gus")
    clip = clips("short.mp4", seconds=3, size="320x240")
    opening = ready_video(host, clip, title="Opening", duration=3.0)
    feature = ready_video(host, clip, title="Feature", duration=3.0)
    body = {"title": "Double bill", "visibility": "public", "wait_for_ready": False}
    party = client.post("/api/parties/", json=body, headers=users.session_headers(host)).get_json()
    client.post(f"/api/parties/{party['id']}/join/", headers=users.session_headers(guest))
    add = {"video_id": str(opening.id)}
    queued = client.post(
        f"/api/parties/{party['id']}/queue/", json=add, headers=users.session_headers(host)
    )
    assert queued.status_code == 201, queued.get_json()
    yield {"id": party["id"], "host": host, "guest": guest, "feature": feature}
    app.config["QUEUE_ADVANCE_SECONDS"] = 5


def _add_from_room(page, title: str) -> None:
    queue = page.get_by_role("region", name="Queue")
    queue.locator("summary", has_text="Add to queue").click()
    queue.get_by_label("One of your ready videos").select_option(label=title)
    queue.get_by_role("button", name="Add", exact=True).click()
    expect(queue.get_by_role("list", name="Up next")).to_contain_text(title)


def test_the_end_stops_both_players_together_and_the_queue_advances_both(
    short_party, viewers, artifacts
):
    host = open_room(viewers, short_party["host"], short_party["id"])
    guest = open_room(viewers, short_party["guest"], short_party["id"], viewport=PHONE)
    _add_from_room(host.page, "Feature")
    expect(guest.page.get_by_role("list", name="Up next")).to_contain_text("Feature")
    for viewer in (host, guest):
        viewer.page.evaluate(STOPPED_AT)

    host.page.get_by_role("button", name="Play", exact=True).click()
    wait_playing(guest.page, 0.3)
    for viewer in (host, guest):
        banner = viewer.page.locator(".upnext")
        expect(banner).to_contain_text("Ended. Up next: Feature in", timeout=10_000)
        expect(viewer.page.locator(".sync-indicator")).to_have_attribute("data-state", "ended")
    expect(host.page.get_by_role("button", name="Replay")).to_be_visible()
    guest.page.screenshot(path=str(artifacts / "queue-ended-phone.png"))
    stops = [v.page.evaluate("() => window.__stops[0]") for v in (host, guest)]
    print("end stop gap ms:", round(stops[0] - stops[1], 1))
    assert abs(stops[0] - stops[1]) < 100

    feature = str(short_party["feature"].id)
    for viewer in (host, guest):
        viewer.page.wait_for_function(
            "(id) => document.querySelector('video.player-video').dataset.source === id",
            arg=feature,
            timeout=10_000,
        )
        wait_playing(viewer.page, 0.2)
        expect(viewer.page.locator(".queue-now")).to_have_text("Now playing: Feature")
    assert host.errors() == [] and guest.errors() == []


def test_a_vote_from_the_room_skips_to_the_next_item(short_party, viewers):
    host = open_room(viewers, short_party["host"], short_party["id"])
    guest = open_room(viewers, short_party["guest"], short_party["id"], viewport=PHONE)
    _add_from_room(host.page, "Feature")
    skip = guest.page.get_by_role("button", name="Vote to skip (0 of 1)")
    skip.click()
    expect(host.page.locator(".queue-now")).to_have_text("Now playing: Feature")
    expect(guest.page.get_by_text("Nothing queued.")).to_be_visible()
    wait_playing(guest.page, 0.2)


def test_a_broken_media_url_is_refused_with_its_reason(short_party, viewers, allow_private):
    host = open_room(viewers, short_party["host"], short_party["id"])
    queue = host.page.get_by_role("region", name="Queue")
    queue.locator("summary", has_text="Add to queue").click()
    queue.get_by_label("…or a media URL (HLS or MP4)").fill(allow_private.url("/notes.txt"))
    queue.get_by_role("button", name="Add", exact=True).click()
    expect(queue.get_by_role("status")).to_contain_text("not")
    expect(queue.get_by_text("Nothing queued.")).to_be_visible()
    queue.get_by_label("…or a media URL (HLS or MP4)").fill(allow_private.url("/gone.mp4"))
    queue.get_by_role("button", name="Add", exact=True).click()
    expect(queue.get_by_role("status")).to_contain_text("HTTP 404")
