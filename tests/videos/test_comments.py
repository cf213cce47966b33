"""Comments: threads one level deep, validation, edits, deletion with replies, comment likes."""

import uuid

import pytest
from sqlalchemy import func, select

from tests.helpers import assert_error
from tests.videos.factories import plain_video
from watchparty.extensions import db
from watchparty.videos.engagement_models import CommentLike, VideoComment
from watchparty.videos.models import Video


def _post(client, video, headers, **body):
    return client.post(f"/api/videos/{video.id}/comments/", json=body, headers=headers)


def _counts(video) -> tuple[int, int]:
    db.session.expire_all()
    rows = select(func.count()).select_from(VideoComment).where(VideoComment.video_id == video.id)
    return db.session.get(Video, video.id).comments_count, db.session.scalar(rows)


def test_creates_a_comment_with_the_documented_shape(client, users, me):
    (user, headers), video = me, plain_video(users.create())
    response = _post(client, video, headers, content="  Great <b>clip</b>  ")
    assert response.status_code == 201
    body = response.get_json()
    assert body["content"] == "Great <b>clip</b>"  # stored and returned as text
    assert body["user"]["id"] == str(user.id) and body["video_id"] == str(video.id)
    assert body["parent_id"] is None and body["is_liked"] is False and body["is_edited"] is False
    assert body["likes_count"] == 0 and body["replies_count"] == 0
    assert body["created_at"].endswith("Z")
    assert _counts(video) == (1, 1)


def test_accepts_text_and_body_as_other_names_for_content(client, users, me):
    video = plain_video(users.create())
    assert _post(client, video, me[1], text="one").get_json()["content"] == "one"
    assert _post(client, video, me[1], body="two").get_json()["content"] == "two"


def test_rejects_empty_too_long_or_control_character_comments(client, users, me):
    video = plain_video(users.create())
    for bad in ("", "   \n ", "x" * 2001, "bell\x07", "esc\x1b[2J", "half\ud800"):
        response = _post(client, video, me[1], content=bad)
        assert response.status_code == 400, repr(bad)
        assert "content" in response.get_json()["errors"]
    # NUL is refused for every request by the app's guard, before the schema sees it.
    assert _post(client, video, me[1], content="nul\x00").status_code == 400
    assert _post(client, video, me[1]).status_code == 400
    assert _counts(video) == (0, 0)


def test_keeps_newlines_and_tabs(client, users, me):
    video = plain_video(users.create())
    body = _post(client, video, me[1], content="line one\r\n\tline two").get_json()
    assert body["content"] == "line one\n\tline two"


def test_a_reply_to_a_reply_joins_the_top_level_thread(client, users, me):
    video, headers = plain_video(users.create()), me[1]
    top = _post(client, video, headers, content="top").get_json()
    reply = _post(client, video, headers, content="reply", parent_id=top["id"]).get_json()
    deeper = _post(client, video, headers, content="deeper", parent_id=reply["id"]).get_json()
    assert reply["parent_id"] == top["id"] and deeper["parent_id"] == top["id"]
    listing = client.get(f"/api/videos/{video.id}/comments/").get_json()
    assert [c["id"] for c in listing["results"]] == [top["id"]]
    assert listing["results"][0]["replies_count"] == 2
    replies = client.get(f"/api/videos/comments/{top['id']}/replies/").get_json()
    assert [c["content"] for c in replies["results"]] == ["reply", "deeper"]  # oldest first
    assert _counts(video) == (3, 3)


def test_rejects_a_parent_from_another_video(client, users, me):
    owner = users.create()
    one, other = plain_video(owner), plain_video(owner)
    foreign = _post(client, other, me[1], content="elsewhere").get_json()
    response = _post(client, one, me[1], content="reply", parent_id=foreign["id"])
    assert response.status_code == 400
    assert "parent_id" in response.get_json()["errors"]
    assert _counts(one) == (0, 0)


def test_lists_top_level_comments_newest_first(client, users, me):
    video = plain_video(users.create())
    for text in ("first", "second", "third"):
        _post(client, video, me[1], content=text)
    page = client.get(f"/api/videos/{video.id}/comments/?page_size=2").get_json()
    assert [c["content"] for c in page["results"]] == ["third", "second"]
    assert page["count"] == 3 and page["total_pages"] == 2


def test_author_edits_and_the_comment_is_marked_edited(client, users, me):
    video = plain_video(users.create())
    comment = _post(client, video, me[1], content="typo").get_json()
    response = client.patch(
        f"/api/videos/comments/{comment['id']}/", json={"content": "fixed"}, headers=me[1]
    )
    assert response.status_code == 200
    assert response.get_json()["content"] == "fixed" and response.get_json()["is_edited"] is True


def test_only_the_author_edits(client, users, me):
    video, stranger = plain_video(users.create()), users.create()
    comment = _post(client, video, me[1], content="mine").get_json()
    response = client.patch(
        f"/api/videos/comments/{comment['id']}/",
        json={"content": "theirs"},
        headers=users.session_headers(stranger),
    )
    assert response.status_code == 403
    assert db.session.get(VideoComment, uuid.UUID(comment["id"])).body == "mine"


def test_deleting_a_thread_removes_its_replies_and_keeps_counts_right(client, users, me):
    owner = users.create()
    video, headers = plain_video(owner), me[1]
    top = _post(client, video, headers, content="top").get_json()
    _post(client, video, headers, content="keep")
    for text in ("a", "b"):
        _post(client, video, headers, content=text, parent_id=top["id"])
    # The video's owner may delete a viewer's comment.
    response = client.delete(
        f"/api/videos/comments/{top['id']}/", headers=users.session_headers(owner)
    )
    assert response.status_code == 200
    assert _counts(video) == (1, 1)


def test_deleting_a_reply_lowers_the_parents_reply_count(client, users, me):
    video, headers = plain_video(users.create()), me[1]
    top = _post(client, video, headers, content="top").get_json()
    reply = _post(client, video, headers, content="reply", parent_id=top["id"]).get_json()
    assert client.delete(f"/api/videos/comments/{reply['id']}/", headers=headers).status_code == 200
    assert db.session.get(VideoComment, uuid.UUID(top["id"])).replies_count == 0
    assert _counts(video) == (1, 1)


def test_a_stranger_cannot_delete_a_comment(client, users, me):
    video, stranger = plain_video(users.create()), users.create()
    comment = _post(client, video, me[1], content="mine").get_json()
    response = client.delete(
        f"/api/videos/comments/{comment['id']}/", headers=users.session_headers(stranger)
    )
    assert response.status_code == 403 and _counts(video) == (1, 1)


def test_staff_can_delete_any_comment(client, users, me):
    video = plain_video(users.create())
    comment = _post(client, video, me[1], content="spam").get_json()
    staff = users.session_headers(users.admin())
    assert client.delete(f"/api/videos/comments/{comment['id']}/", headers=staff).status_code == 200
    assert _counts(video) == (0, 0)


def test_comment_likes_are_idempotent_and_shown_to_the_liker(client, users, me):
    video, headers = plain_video(users.create()), me[1]
    comment = _post(client, video, headers, content="nice").get_json()
    url = f"/api/videos/comments/{comment['id']}"
    for _ in range(2):
        assert client.post(f"{url}/like/", headers=headers).get_json() == {
            "success": True,
            "is_liked": True,
            "like_count": 1,
        }
    listing = client.get(f"/api/videos/{video.id}/comments/", headers=headers).get_json()
    assert listing["results"][0]["is_liked"] is True and listing["results"][0]["likes_count"] == 1
    assert (
        client.get(f"/api/videos/{video.id}/comments/").get_json()["results"][0]["is_liked"]
        is False
    )
    assert client.post(f"{url}/unlike/", headers=headers).get_json()["like_count"] == 0
    client.post(f"{url}/like/", headers=headers)
    assert client.delete(f"{url}/like/", headers=headers).get_json()["is_liked"] is False
    assert db.session.scalar(select(func.count()).select_from(CommentLike)) == 0


def test_deleting_a_comment_removes_its_likes(client, users, me):
    video, headers = plain_video(users.create()), me[1]
    comment = _post(client, video, headers, content="nice").get_json()
    client.post(f"/api/videos/comments/{comment['id']}/like/", headers=headers)
    client.delete(f"/api/videos/comments/{comment['id']}/", headers=headers)
    assert db.session.scalar(select(func.count()).select_from(CommentLike)) == 0


def test_comments_of_a_private_video_are_404_to_strangers(client, users, me):
    owner = users.create()
    video = plain_video(owner, visibility="private")
    comment = _post(client, video, users.session_headers(owner), content="note").get_json()
    assert client.get(f"/api/videos/{video.id}/comments/", headers=me[1]).status_code == 404
    assert _post(client, video, me[1], content="hi").status_code == 404
    replies = client.get(f"/api/videos/comments/{comment['id']}/replies/", headers=me[1])
    assert replies.status_code == 404
    like = client.post(f"/api/videos/comments/{comment['id']}/like/", headers=me[1])
    assert like.status_code == 404


def test_unknown_comment_is_404(client, me):
    missing = "00000000-0000-4000-8000-000000000000"
    assert client.delete(f"/api/videos/comments/{missing}/", headers=me[1]).status_code == 404


@pytest.mark.parametrize("content", [{"a": 1}, ["x"], 5, None])
def test_a_comment_that_is_not_text_is_a_400(client, me, content):
    user, headers = me
    video = plain_video(user)
    response = client.post(
        f"/api/videos/{video.id}/comments/", json={"content": content}, headers=headers
    )
    assert_error(response, 400)
