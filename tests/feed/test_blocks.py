"""Blocks in the feed: a creator who blocked someone, and their posts, do not exist for that
person (page, posts, follow, like, comment, the feed); a block ends follows both ways; the
comments of someone you blocked are hidden from you."""

from tests.feed.conftest import post, subscribe
from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.feed.models import Follow, PostComment, PostLike


def block(client, who, whom) -> None:
    """`who` blocks `whom` over REST."""
    response = client.post("/api/users/block/", json={"user_id": whom.id}, headers=who.headers)
    assert response.status_code in (200, 201), response.get_json()


def test_a_creator_who_blocked_you_and_their_posts_do_not_exist_for_you(client, creators, people):
    star, fan = creators(), people()
    post_id = post(client, star)["id"]
    assert client.post(f"/api/creators/{star.id}/follow/", headers=fan.headers).status_code == 200
    block(client, star, fan)
    assert db.session.query(Follow).count() == 0  # the block ended the follow
    for response in (
        client.get(f"/api/creators/{star.id}/posts/", headers=fan.headers),
        client.get(f"/api/creators/{star.id}/follow/", headers=fan.headers),
        client.post(f"/api/creators/{star.id}/follow/", headers=fan.headers),
    ):
        assert_error(response, 404, "creator_not_found")
    base = f"/api/feed/posts/{post_id}"
    for response in (
        client.get(f"{base}/", headers=fan.headers),
        client.post(f"{base}/like/", headers=fan.headers),
        client.post(f"{base}/comments/", json={"text": "hi"}, headers=fan.headers),
        client.get(f"{base}/comments/", headers=fan.headers),
    ):
        assert_error(response, 404, "post_not_found")
    assert db.session.query(Follow).count() == 0
    assert db.session.query(PostLike).count() == db.session.query(PostComment).count() == 0
    # everyone else still sees the creator and the post
    assert client.get(f"/api/creators/{star.id}/posts/").get_json()["count"] == 1


def test_blocking_a_creator_ends_your_follow_and_empties_your_feed(client, creators, people):
    star, fan = creators(), people()
    post(client, star)
    client.post(f"/api/creators/{star.id}/follow/", headers=fan.headers)
    assert client.get("/api/feed/", headers=fan.headers).get_json()["count"] == 1
    block(client, fan, star)
    assert db.session.query(Follow).count() == 0
    assert client.get("/api/feed/", headers=fan.headers).get_json()["count"] == 0


def test_the_feed_leaves_out_a_creator_who_blocked_a_subscriber(client, creators, people):
    star, fan = creators("Gold"), people()
    post(client, star, tier_ids=[star.tiers["Gold"].id])
    subscribe(fan, star, star.tiers["Gold"])  # a paid subscription is not ended by a block
    assert client.get("/api/feed/", headers=fan.headers).get_json()["count"] == 1
    block(client, star, fan)
    assert client.get("/api/feed/", headers=fan.headers).get_json()["count"] == 0


def test_comments_of_someone_you_blocked_are_hidden_from_you_only(client, creators, people):
    star, fan, troll = creators(), people(), people()
    base = f"/api/feed/posts/{post(client, star)['id']}/comments/"
    for who, text in ((fan, "lovely"), (troll, "spam")):
        said = client.post(base, json={"text": text}, headers=who.headers)
        assert said.status_code == 201, said.get_json()
    block(client, fan, troll)
    mine = client.get(base, headers=fan.headers).get_json()["results"]
    assert [c["text"] for c in mine] == ["lovely"]
    theirs = client.get(base, headers=star.headers).get_json()["results"]
    assert sorted(c["text"] for c in theirs) == ["lovely", "spam"]
