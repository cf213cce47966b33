"""Likes (idempotent) and comments (1 to 1000 characters) on posts, for those who see the body;
account deletion takes the user's follows, likes, comments and posts."""

import uuid

import pytest

from tests.factories import PASSWORD
from tests.feed.conftest import post, subscribe, with_image
from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.feed.models import Follow, Post, PostComment, PostLike
from watchparty.storage import storage


def test_liking_twice_counts_once_and_unliking_takes_it_back(client, creators, people):
    star, fan = creators(), people()
    url = f"/api/feed/posts/{post(client, star)['id']}/like/"
    for _ in range(2):
        liked = client.post(url, headers=fan.headers).get_json()
        assert liked["liked"] is True and liked["like_count"] == 1
    (seen,) = client.get(f"/api/creators/{star.id}/posts/", headers=fan.headers).get_json()[
        "results"
    ]
    assert seen["liked"] is True and seen["like_count"] == 1
    gone = client.delete(url, headers=fan.headers).get_json()
    assert gone == {"post_id": url.split("/")[4], "liked": False, "like_count": 0}


def test_a_locked_post_cannot_be_liked_or_commented_or_its_comments_read(client, creators, people):
    star, fan, stranger = creators("Gold"), people(), people()
    subscribe(fan, star, star.tiers["Gold"])
    made = post(client, star, tier_ids=[star.tiers["Gold"].id])
    base = f"/api/feed/posts/{made['id']}"
    assert (
        client.post(f"{base}/comments/", json={"text": "Hi"}, headers=fan.headers).status_code
        == 201
    )
    assert_error(client.post(f"{base}/like/", headers=stranger.headers), 403, "post_locked")
    said = client.post(f"{base}/comments/", json={"text": "Hi"}, headers=stranger.headers)
    assert_error(said, 403, "post_locked")
    assert_error(client.get(f"{base}/comments/", headers=stranger.headers), 403, "post_locked")
    assert_error(client.get(f"{base}/comments/"), 403, "post_locked")
    assert_error(client.post(f"{base}/like/"), 401)
    shown = client.get(f"{base}/comments/", headers=fan.headers).get_json()
    assert [c["text"] for c in shown["results"]] == ["Hi"]
    assert db.session.query(PostLike).count() == 0 and db.session.query(PostComment).count() == 1


@pytest.mark.parametrize(
    ("body", "status"),
    [({}, 400), ({"text": ""}, 400), ({"text": "   "}, 400), ({"text": "x" * 1001}, 400),
     ({"text": 3}, 400), ({"text": "ok", "extra": 1}, 400)],
)  # fmt: skip
def test_bad_comments_are_refused_and_nothing_is_stored(client, creators, people, body, status):
    star, fan = creators(), people()
    url = f"/api/feed/posts/{post(client, star)['id']}/comments/"
    assert_error(client.post(url, json=body, headers=fan.headers), status)
    assert db.session.query(PostComment).count() == 0


def test_a_comment_is_deleted_by_its_author_or_the_creator_only(client, creators, people):
    star, fan, other = creators(), people(), people()
    base = f"/api/feed/posts/{post(client, star)['id']}/comments/"
    ids = [client.post(base, json={"text": t}, headers=fan.headers).get_json()["id"] for t in "ab"]
    assert_error(client.delete(f"{base}{ids[0]}/", headers=other.headers), 403)
    assert client.delete(f"{base}{ids[0]}/", headers=fan.headers).status_code == 204
    assert client.delete(f"{base}{ids[1]}/", headers=star.headers).status_code == 204
    assert_error(client.delete(f"{base}{ids[1]}/", headers=star.headers), 404, "comment_not_found")
    assert_error(client.delete(f"{base}{uuid.uuid4()}/", headers=star.headers), 404)


def test_unknown_posts_are_404_everywhere(client, people):
    fan, missing = people(), uuid.uuid4()
    base = f"/api/feed/posts/{missing}"
    assert_error(client.post(f"{base}/like/", headers=fan.headers), 404, "post_not_found")
    assert_error(client.get(f"{base}/comments/"), 404, "post_not_found")
    assert_error(client.get(f"{base}/image/"), 404, "post_not_found")
    assert_error(client.get(f"{base}/"), 404, "post_not_found")


def test_account_deletion_removes_follows_likes_comments_and_posts(client, creators, people):
    star, fan = creators(), people()
    made = with_image(client, star, post(client, star)["id"])
    key = db.session.get(Post, uuid.UUID(made["id"])).image_key
    other = post(client, creators())
    client.post(f"/api/creators/{star.id}/follow/", headers=fan.headers)
    client.post(f"/api/feed/posts/{other['id']}/like/", headers=fan.headers)
    client.post(f"/api/feed/posts/{other['id']}/comments/", json={"text": "x"}, headers=fan.headers)
    confirm = {"password": PASSWORD, "confirmation": "DELETE"}
    for person in (fan, star):
        deleted = client.delete("/api/users/delete-account/", json=confirm, headers=person.headers)
        assert deleted.status_code in (200, 204), deleted.get_json()
    assert db.session.query(Follow).count() == 0
    assert db.session.query(PostLike).count() == db.session.query(PostComment).count() == 0
    assert [p.id for p in db.session.query(Post)] == [uuid.UUID(other["id"])]
    assert not storage().exists(key)
