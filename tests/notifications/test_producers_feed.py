"""A creator's new post reaches every follower through notifications, fanned out by jobs in
batches (never in the request), and nobody who does not follow."""

from tests.conftest import REDIS_URL
from tests.feed import conftest as feed
from tests.feed.conftest import post
from tests.notifications.producer_kit import inbox, of_type, only
from watchparty.feed import announce

# The feed fixtures: creators with tiers (plain rows) and signed-in people.
creators, people = feed.creators, feed.people


def _follow(client, fan, star) -> None:
    response = client.post(f"/api/creators/{star.id}/follow/", headers=fan.headers)
    assert response.status_code == 200, response.get_json()


def test_every_follower_hears_of_a_new_post_off_the_request(
    client, users, creators, people, run_jobs, monkeypatch
):
    monkeypatch.setattr(announce, "BATCH", 2)  # five followers: three chained batches
    star = creators("Gold", first_name="Stella", last_name="Star")
    fans = [people() for _ in range(5)]
    for fan in fans:
        _follow(client, fan, star)
    outsider = people()
    made = post(client, star, title="Behind the scenes")
    if REDIS_URL:  # queued for a worker: the request told nobody
        assert inbox(client, users, fans[0].user)["count"] == 0
    run_jobs()
    for fan in fans:
        item = only(client, users, fan.user, "creator_posted")
        assert item["title"] == "New post by Stella Star"
        assert item["message"] == "Stella Star posted “Behind the scenes”"
        assert item["data"] == {"post_id": made["id"], "creator_id": star.id}
    assert of_type(client, users, outsider.user, "creator_posted") == []
    assert of_type(client, users, star.user, "creator_posted") == []


def test_a_gated_post_says_it_is_for_subscribers_and_posts_collapse(
    client, users, creators, people, run_jobs
):
    star = creators("Gold", first_name="Stella", last_name="Star")
    fan = people()
    _follow(client, fan, star)
    post(client, star, title="Secret", tier_ids=[star.tiers["Gold"].id])
    run_jobs()
    assert only(client, users, fan.user, "creator_posted")["message"] == (
        "Stella Star posted “Secret” for subscribers"
    )
    post(client, star, title="Another")
    run_jobs()
    item = only(client, users, fan.user, "creator_posted")
    assert item["count"] == 2 and item["message"] == "2 new posts by Stella Star"
