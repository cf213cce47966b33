"""A video's page in real browsers (/videos/<id>, phone-sized too): the player, details, Like,
comments (post, reply, load more, delete your own) and Report on someone else's video and
comment, which reach the moderators' queue; a private video shows the API's message."""

from playwright.sync_api import expect

from tests.videos.factories import make_video, ready_video
from watchparty.extensions import db
from watchparty.library import service as library
from watchparty.moderation.models import ContentReport
from watchparty.parties.models import Party
from watchparty.videos.engagement_models import VideoComment
from watchparty.videos.models import PRIVATE

PHONE = {"width": 390, "height": 844}


def _comment(client, users, author, video, text: str, parent_id=None) -> dict:
    body = {"content": text, "parent_id": parent_id}
    headers = users.session_headers(author)
    response = client.post(f"/api/videos/{video.id}/comments/", json=body, headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _report(page, scope, button: str, form: str, reason: str) -> None:
    scope.get_by_role("button", name=button).click()
    report = page.get_by_role("form", name=form)
    report.get_by_label("Why are you reporting").select_option(reason)
    report.get_by_role("button", name="Send report").click()
    expect(report).to_contain_text("the report was sent to the moderators")


def test_a_viewer_comments_and_reports_the_video_and_a_comment_and_moderators_see_both(
    viewers, users, client, clips, artifacts
):
    owner = users.create(first_name="Olga", last_name="Owner")
    video = ready_video(
        owner, clips("page.mp4", seconds=4, size="320x240"), title="Sunset", description="Calm"
    )
    other = users.create(first_name="Troll", last_name="Lee")
    rude = _comment(client, users, other, video, "You all smell")
    viewer = users.create(first_name="Vera")
    browser = viewers(viewer, viewport=PHONE)
    page = browser.open(f"/videos/{video.id}").page

    expect(page.get_by_role("heading", name="Sunset")).to_be_visible()
    expect(page.get_by_role("link", name="Olga Owner")).to_have_attribute(
        "href", f"/users/{owner.id}"
    )
    expect(page.locator(".video-description")).to_have_text("Calm")
    player = page.get_by_role("region", name="Sunset").locator("video")
    expect(player).to_have_attribute("aria-label", "Sunset")
    page.wait_for_function("() => document.querySelector('video.video-player')?.readyState >= 1")
    assert 3 <= player.evaluate("v => v.duration") <= 5

    comments = page.get_by_role("list", name="Comments")
    page.get_by_label("Write a comment").fill("Lovely colours")
    page.get_by_role("button", name="Comment", exact=True).click()
    mine = comments.locator("li.video-comment", has_text="Lovely colours")
    expect(mine.locator(".video-comment-actions button")).to_have_text(["Reply", "Delete"])
    expect(mine.get_by_role("button", name="Delete your comment")).to_be_visible()
    expect(comments.locator("li.video-comment")).to_have_count(2)

    _report(page, page.locator(".video-actions"), "Report “Sunset”", "Report “Sunset”", "spam")
    theirs = comments.locator("li.video-comment", has_text="You all smell")
    expect(theirs.locator(".video-comment-actions button")).to_have_text(["Reply", "Report"])
    _report(page, theirs, "Report Troll Lee's comment", "Report Troll Lee's comment", "harassment")
    expect(comments).not_to_contain_text("null")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=artifacts / "video-page-phone.png", full_page=True)
    assert browser.errors() == []

    db.session.expire_all()
    stored = db.session.query(VideoComment).filter_by(user_id=viewer.id).one()
    assert stored.body == "Lovely colours"
    filed = {(r.content_type, str(r.content_id), r.reason) for r in db.session.query(ContentReport)}
    assert filed == {("video", str(video.id), "spam"), ("video_comment", rude["id"], "harassment")}
    headers = users.session_headers(users.moderator())
    queue = client.get("/api/moderation/admin/queue/", headers=headers).get_json()
    assert {(r["content_type"], r["content_id"]) for r in queue["results"]} == {
        ("video", str(video.id)),
        ("video_comment", rude["id"]),
    }


def test_the_owner_has_no_report_likes_replies_loads_more_and_deletes_their_comment(
    viewers, users, client
):
    owner = users.create(first_name="Olga")
    video = make_video(owner, title="My film")
    fan = users.create(first_name="Fan", last_name="Boy")
    for n in range(21):
        _comment(client, users, fan, video, f"Comment number {n}")
    first = db.session.query(VideoComment).filter_by(body="Comment number 0").one()
    _comment(client, users, owner, video, "Thanks!", parent_id=str(first.id))
    page = viewers(owner).open(f"/videos/{video.id}").page

    expect(page.get_by_role("heading", name="My film")).to_be_visible()
    expect(page.get_by_role("button", name="Report “My film”")).to_have_count(0)
    page.get_by_role("button", name="Like (0)").click()
    expect(page.get_by_role("button", name="Liked (1)")).to_have_attribute("aria-pressed", "true")

    comments = page.get_by_role("list", name="Comments")
    expect(comments.locator(":scope > li")).to_have_count(20)
    page.get_by_role("button", name="Load more comments").click()
    expect(comments.locator(":scope > li")).to_have_count(21)
    expect(page.get_by_role("button", name="Load more comments")).to_be_hidden()
    oldest = comments.locator(":scope > li", has_text="Comment number 0")
    oldest.get_by_role("button", name="Show 1 reply").click()
    replies = oldest.get_by_role("list", name="Replies to Fan Boy")
    expect(replies).to_contain_text("Thanks!")
    oldest.get_by_role("button", name="Reply to Fan Boy").click()
    oldest.get_by_role("textbox", name="Your reply to Fan Boy").fill("Come again")
    oldest.get_by_role("button", name="Reply", exact=True).click()
    expect(replies.locator("li")).to_have_count(2)
    mine = replies.locator("li", has_text="Come again")
    mine.get_by_role("button", name="Delete your comment").click()
    expect(replies.locator("li")).to_have_count(1)

    db.session.expire_all()
    assert db.session.query(VideoComment).filter_by(user_id=owner.id).count() == 1


def test_watch_together_starts_a_party_playing_the_video(viewers, users):
    video = make_video(users.create(first_name="Olga"), title="Shared film")
    viewer = users.create(first_name="Vera")
    page = viewers(viewer).open(f"/videos/{video.id}").page
    page.get_by_role("button", name="Watch together").click()
    page.get_by_role("form", name="Watch together").get_by_label("Visibility").select_option(
        "private"
    )
    page.get_by_role("button", name="Start the party").click()
    page.wait_for_url("**/party/*")
    db.session.expire_all()
    party = db.session.query(Party).filter_by(host_id=viewer.id).one()
    assert (party.video_id, party.visibility, party.title) == (video.id, "private", "Shared film")


def test_a_private_video_of_someone_else_shows_the_apis_message(viewers, users, client):
    video = make_video(users.create(), title="Secret", visibility=PRIVATE)
    page = viewers(users.create(), viewport=PHONE).open(f"/videos/{video.id}").page
    expect(page.get_by_role("alert")).to_have_text("Video not found")
    expect(page.get_by_role("heading", name="Secret")).to_have_count(0)
    assert client.get(f"/videos/{video.id}").status_code == 200  # the shell serves the path


def test_a_video_title_in_the_library_opens_its_page(viewers, users):
    owner = users.create(first_name="Olga")
    video = make_video(owner, title="Documentary")
    ada = users.create(first_name="Ada")
    library.record(ada.id, title=video.title, seconds=600, video_id=video.id)
    db.session.commit()
    page = viewers(ada, viewport=PHONE).open("/library").page
    page.get_by_role("list", name="Watch history").get_by_role("link", name="Documentary").click()
    page.wait_for_url(f"**/videos/{video.id}")
    expect(page.get_by_role("heading", name="Documentary")).to_be_visible()
