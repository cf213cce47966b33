"""Uploading a video in the browser: byte progress, live transcode progress, then a party."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import REDIS_URL
from watchparty.jobs import jobs


@pytest.fixture(autouse=True)
def jobs_finish():
    """In-process transcodes (embedded mode) end before the next test empties the tables."""
    yield
    jobs.wait_in_process()


def test_upload_shows_byte_and_transcode_progress_then_starts_a_party(
    viewers, users, clips, run_jobs
):
    clip = clips("up.mp4", seconds=2, size="320x240")
    viewer = viewers(users.create()).open("/upload")
    page = viewer.page
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(str(f))))
    page.get_by_label("Video file").set_input_files(str(clip))
    # The title is suggested from the file name.
    expect(page.get_by_label("Title")).to_have_value("up")
    page.get_by_label("Title").fill("Beach day")
    with page.expect_response("**/api/videos/upload/") as answer:
        page.get_by_role("button", name="Upload").click()
    assert answer.value.status == 201, answer.value.text()
    if REDIS_URL:
        run_jobs()  # RQ holds the transcode until a worker runs it

    uploading = page.locator(".progress-block.uploading")
    expect(uploading.locator("progress")).to_have_attribute("value", "100")
    expect(uploading).to_contain_text("100 %")
    processing = page.locator(".progress-block.processing")
    expect(processing).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Your video is ready.", timeout=60_000)
    expect(processing.locator("progress")).to_have_attribute("value", "100")
    expect(processing).to_contain_text("Ready")
    # The live feed, not only the fallback poll, reached the page.
    assert any('"video_progress"' in frame and '"ready"' in frame for frame in frames)

    page.get_by_role("button", name="Start a party with this video").click()
    expect(page.locator("h1.room-title")).to_have_text("Beach day")
    assert viewer.errors() == []


def test_a_text_file_named_mp4_shows_the_servers_415_message(viewers, users):
    viewer = viewers(users.create()).open("/upload")
    page = viewer.page
    page.get_by_label("Video file").set_input_files(
        {"name": "notes.mp4", "mimeType": "video/mp4", "buffer": b"just some text\n" * 20}
    )
    page.get_by_label("Title").fill("Not a video")
    page.get_by_role("button", name="Upload").click()

    expect(page.get_by_text(re.compile("^File type not supported"))).to_be_visible()
    expect(page.get_by_label("Video file")).to_have_attribute("aria-invalid", "true")
    # Nothing is left stuck: the form works again for the next file.
    expect(page.get_by_role("button", name="Upload")).to_be_enabled()
    expect(page.locator(".progress-block")).to_have_count(0)
    assert viewer.errors() == []


def test_cancel_stops_an_upload_in_flight_and_the_form_works_again(viewers, users, clips):
    viewer = viewers(users.create()).open("/upload")
    page = viewer.page
    # Slow the browser's uplink so there is an upload in flight to cancel.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": 65536},
    )
    page.get_by_label("Video file").set_input_files(
        {"name": "big.mp4", "mimeType": "video/mp4", "buffer": bytes(2_000_000)}
    )
    page.get_by_role("button", name="Upload").click()
    # Part of the file has left the browser, not all of it.
    expect(page.locator(".uploading .percent")).to_have_text(re.compile(r"^[1-9]\d? %$"))
    page.get_by_role("button", name="Cancel upload").click()

    expect(page.get_by_role("status")).to_have_text("Upload cancelled.")
    expect(page.get_by_role("button", name="Upload")).to_be_enabled()
    assert viewer.errors() == []


def test_a_file_over_the_size_limit_shows_the_servers_413_message(
    viewers, users, clips, app, monkeypatch
):
    monkeypatch.setitem(app.config, "VIDEO_MAX_BYTES", 20_000)
    viewer = viewers(users.create()).open("/upload")
    page = viewer.page
    page.get_by_label("Video file").set_input_files(str(clips("up.mp4", seconds=2, size="320x240")))
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("File size must be no more than 0.02MB.")).to_be_visible()
    expect(page.get_by_label("Video file")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("button", name="Upload")).to_be_enabled()
    assert viewer.errors() == []
