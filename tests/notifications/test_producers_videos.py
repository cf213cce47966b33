"""Videos raise notifications: a comment reaches the video's owner (collapsing per video), a
reply the comment's author, and the end of processing the uploader (ready, or failed and why)."""

import pytest

from tests.notifications.producer_kit import block, inbox, of_type, only
from tests.videos.factories import make_video as video_row
from tests.videos.test_transcode import SETTINGS, make_video, transcoded


def _comment(client, users, who, video, text: str, parent_id=None) -> dict:
    body = {"content": text} | ({"parent_id": parent_id} if parent_id else {})
    response = client.post(
        f"/api/videos/{video.id}/comments/", json=body, headers=users.session_headers(who)
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_comments_on_a_video_reach_its_owner_and_collapse(client, users):
    owner, fan = users.create(), users.create(first_name="Fay", last_name="Fan")
    video = video_row(owner, title="Sunset")
    first = _comment(client, users, fan, video, "Lovely light")
    item = only(client, users, owner, "video_comment")
    assert item["message"] == "Fay Fan commented on “Sunset”: Lovely light"
    assert item["data"] == {
        "video_id": str(video.id),
        "comment_id": first["id"],
        "author_id": str(fan.id),
    }
    _comment(client, users, fan, video, "Again!")
    item = only(client, users, owner, "video_comment")
    assert item["count"] == 2 and item["message"] == "2 new comments on “Sunset”"
    _comment(client, users, owner, video, "Thanks")  # your own comment is no news to you
    assert only(client, users, owner, "video_comment")["count"] == 2


def test_a_title_with_braces_collapses_safely(client, users):
    owner, fan = users.create(), users.create()
    video = video_row(owner, title="{count} {0} }{")
    for text in ("one", "two"):
        _comment(client, users, fan, video, text)
    assert (
        only(client, users, owner, "video_comment")["message"]
        == "2 new comments on “{count} {0} }{”"
    )


def test_a_reply_reaches_the_comments_author_and_the_owner(client, users):
    owner, ada, bob = users.create(), users.create(), users.create(first_name="Bob")
    video = video_row(owner, title="Sunset")
    root = _comment(client, users, ada, video, "First!")
    reply = _comment(client, users, bob, video, "Second", parent_id=root["id"])
    item = only(client, users, ada, "comment_reply")
    assert item["message"] == "Bob Tester replied: Second"
    assert item["data"]["parent_id"] == root["id"] and item["data"]["comment_id"] == reply["id"]
    assert len(of_type(client, users, owner, "video_comment")) == 1
    assert only(client, users, owner, "video_comment")["count"] == 2
    _comment(client, users, owner, video, "Owner here", parent_id=root["id"])
    assert only(client, users, ada, "comment_reply")["count"] == 2
    assert of_type(client, users, owner, "comment_reply") == []


def test_the_owner_replied_to_hears_only_of_the_reply(client, users):
    owner, fan = users.create(), users.create()
    video = video_row(owner)
    root = _comment(client, users, owner, video, "Welcome")
    _comment(client, users, fan, video, "Thanks", parent_id=root["id"])
    assert len(of_type(client, users, owner, "comment_reply")) == 1
    assert of_type(client, users, owner, "video_comment") == []


def test_a_blocked_commenter_notifies_nobody(client, users):
    owner, troll = users.create(), users.create()
    block(client, users, owner, troll)
    _comment(client, users, troll, video_row(owner), "hi")
    assert inbox(client, users, owner)["count"] == 0


@pytest.fixture
def fast_transcodes(app):
    """The transcode tests' short segments and fastest preset, restored afterwards."""
    previous = {key: app.config.get(key) for key in SETTINGS}
    app.config.update(SETTINGS)
    yield
    app.config.update(previous)


def test_a_transcoded_video_tells_its_owner_it_is_ready(
    app, client, users, clips, run_jobs, fast_transcodes
):
    owner = users.create()
    clip = clips("small.mp4", seconds=2, size="320x240")
    video = transcoded(app, run_jobs, make_video(owner, clip))
    assert video.status == "ready"
    item = only(client, users, owner, "video_ready")
    assert item["message"] == "“Clip” has been processed and is ready to watch"
    assert item["data"] == {"video_id": str(video.id)}
    assert of_type(client, users, owner, "video_failed") == []


def test_a_file_that_is_no_video_tells_its_owner_why(
    app, client, users, tmp_path, run_jobs, fast_transcodes
):
    owner, text = users.create(), tmp_path / "notes.mp4"
    text.write_text("definitely not a video\n" * 100)
    video = transcoded(app, run_jobs, make_video(owner, text))
    assert video.status == "failed"
    item = only(client, users, owner, "video_failed")
    assert item["title"] == "Your video could not be processed"
    assert item["message"].startswith("“Clip” failed: ") and video.failure_reason in item["message"]
    assert of_type(client, users, owner, "video_ready") == []
