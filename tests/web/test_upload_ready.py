"""After an upload: the ready video and its next step come into view, with a visibility choice."""

import pytest
from playwright.sync_api import expect

from tests.conftest import REDIS_URL
from watchparty.extensions import db
from watchparty.jobs import jobs
from watchparty.parties.models import Party

PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def jobs_finish():
    """In-process transcodes (embedded mode) end before the next test empties the tables."""
    yield
    jobs.wait_in_process()


def upload(page, clip, title: str, run_jobs) -> None:
    """Upload `clip` as a private video from the form, scrolled back to the top meanwhile."""
    page.get_by_label("Video file").set_input_files(str(clip))
    page.get_by_label("Title").fill(title)
    with page.expect_response("**/api/videos/upload/") as answer:
        page.get_by_role("button", name="Upload").click()
    assert answer.value.status == 201, answer.value.text()
    page.evaluate("window.scrollTo(0, 0)")  # where someone reading the page would be
    if REDIS_URL:
        run_jobs()  # RQ holds the transcode until a worker runs it


def test_a_ready_upload_scrolls_into_view_and_starts_a_party_of_the_chosen_visibility(
    viewers, users, clips, run_jobs
):
    viewer = viewers(users.create(), viewport=PHONE).open("/upload")
    page = viewer.page
    upload(page, clips("ready.mp4", seconds=2, size="320x240"), "Sunday film", run_jobs)

    expect(page.get_by_text("Your video is ready.")).to_be_in_viewport(timeout=60_000)
    start = page.get_by_role("button", name="Start a party with this video")
    expect(start).to_be_in_viewport()
    expect(start).to_be_focused()
    choice = page.get_by_role("form", name="Start a party").get_by_label("Visibility")
    # The lobby's two choices; a private video suggests a private party.
    expect(choice.locator("option")).to_have_text(
        ["Public: anyone can join", "Private: room code or invite only"]
    )
    expect(choice).to_have_value("private")
    choice.select_option("public")
    start.click()

    expect(page.locator("h1.room-title")).to_have_text("Sunday film")
    db.session.expire_all()
    party = db.session.query(Party).filter_by(title="Sunday film").one()
    assert party.visibility == "public" and party.video_id is not None
    assert viewer.errors() == []
