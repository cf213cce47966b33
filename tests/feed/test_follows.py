"""Following creators: follow, unfollow, status and count, both lists; idempotent and race-free."""

import threading

import pytest
import requests

from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.feed.models import Follow


def test_follow_shows_in_both_lists_and_the_count_until_unfollowed(client, creators, people):
    star, fan = creators(), people()
    followed = client.post(f"/api/creators/{star.id}/follow/", headers=fan.headers)
    assert followed.status_code == 200
    assert followed.get_json() == {"creator_id": star.id, "following": True, "followers_count": 1}
    page = client.get(f"/api/creators/{star.id}/followers/").get_json()
    assert [f["user"]["id"] for f in page["results"]] == [fan.id] and page["count"] == 1
    mine = client.get("/api/users/following/", headers=fan.headers).get_json()
    assert [f["creator_id"] for f in mine["results"]] == [star.id]
    assert mine["results"][0]["creator"]["id"] == star.id

    gone = client.delete(f"/api/creators/{star.id}/follow/", headers=fan.headers).get_json()
    assert gone == {"creator_id": star.id, "following": False, "followers_count": 0}
    assert client.get("/api/users/following/", headers=fan.headers).get_json()["count"] == 0


def test_seed_002_follow_path_checks_follows_and_unfollows(client, creators, people):
    star, fan = creators(), people()
    url = f"/api/feed/follow/{star.id}/"
    assert client.get(url, headers=fan.headers).get_json()["following"] is False
    assert client.post(url, headers=fan.headers).get_json()["following"] is True
    assert client.get(url, headers=fan.headers).get_json()["following"] is True
    anonymous = client.get(url).get_json()
    assert anonymous["following"] is False and anonymous["followers_count"] == 1
    assert client.delete(url, headers=fan.headers).get_json()["following"] is False


def test_following_twice_keeps_one_row_and_unfollowing_twice_is_harmless(client, creators, people):
    star, fan = creators(), people()
    for _ in range(2):
        answer = client.post(f"/api/creators/{star.id}/follow/", headers=fan.headers)
        assert answer.get_json()["followers_count"] == 1
    assert db.session.query(Follow).count() == 1
    for _ in range(2):
        answer = client.delete(f"/api/creators/{star.id}/follow/", headers=fan.headers)
        assert answer.status_code == 200 and answer.get_json()["followers_count"] == 0


def test_concurrent_follows_of_one_pair_make_one_row(live_server, creators, people):
    star, fans = creators(), [people() for _ in range(3)]
    answers: list[int] = []

    def follow(headers, start):
        start.wait()
        url = f"{live_server.url}/api/creators/{star.id}/follow/"
        answers.append(requests.post(url, headers=headers, timeout=30).status_code)

    for fan in fans:
        start = threading.Barrier(6)
        threads = [threading.Thread(target=follow, args=(fan.headers, start)) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert answers == [200] * 18
    db.session.expire_all()
    assert db.session.query(Follow).count() == 3


def test_following_yourself_is_400_and_changes_nothing(client, creators):
    star = creators()
    assert_error(
        client.post(f"/api/creators/{star.id}/follow/", headers=star.headers), 400, "self_follow"
    )
    assert db.session.query(Follow).count() == 0


@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_unknown_creator_or_a_user_who_is_no_creator_is_404(client, people, method):
    fan, plain = people(), people()
    for target in (plain.id, "00000000-0000-0000-0000-000000000000"):
        response = getattr(client, method)(f"/api/creators/{target}/follow/", headers=fan.headers)
        assert_error(response, 404, "creator_not_found")
    assert_error(client.get(f"/api/creators/{plain.id}/followers/"), 404, "creator_not_found")
    assert db.session.query(Follow).count() == 0


def test_follow_needs_a_signed_in_caller(client, creators):
    star = creators()
    assert_error(client.post(f"/api/creators/{star.id}/follow/"), 401)
    assert_error(client.delete(f"/api/feed/follow/{star.id}/"), 401)
    assert_error(client.get("/api/users/following/"), 401)
    assert db.session.query(Follow).count() == 0


def test_bad_paging_of_the_lists_is_400(client, creators, people):
    star, fan = creators(), people()
    assert_error(client.get(f"/api/creators/{star.id}/followers/?page=0"), 400)
    assert_error(client.get("/api/users/following/?page_size=abc", headers=fan.headers), 400)
    assert_error(client.post("/api/creators/not-a-uuid/follow/", headers=fan.headers), 404)


def test_a_suspended_follower_is_not_counted(client, creators, people):
    star, fan, other = creators(), people(), people()
    for person in (fan, other):
        client.post(f"/api/creators/{star.id}/follow/", headers=person.headers)
    other.user.status = "suspended"
    db.session.commit()
    status = client.get(f"/api/creators/{star.id}/follow/").get_json()
    assert status["followers_count"] == 1
    page = client.get(f"/api/creators/{star.id}/followers/").get_json()
    assert [f["user"]["id"] for f in page["results"]] == [fan.id]
