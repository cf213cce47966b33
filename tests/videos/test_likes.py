"""Likes: seed 004's is_like, seed 001's toggle, DELETE; idempotent and race-free."""

import threading

import requests
from sqlalchemy import func, select

from tests.parties.helpers import many_users
from tests.videos.factories import plain_video
from watchparty.extensions import db
from watchparty.videos.engagement_models import VideoLike
from watchparty.videos.models import Video


def _rows(video) -> int:
    query = select(func.count()).select_from(VideoLike).where(VideoLike.video_id == video.id)
    return db.session.scalar(query)


def _count(video) -> int:
    db.session.expire_all()
    return db.session.get(Video, video.id).likes_count


def test_is_like_true_likes_and_is_idempotent(client, users, me):
    video, (_, headers) = plain_video(users.create()), me
    url = f"/api/videos/{video.id}/like/"
    first = client.post(url, json={"is_like": True}, headers=headers).get_json()
    again = client.post(url, json={"is_like": True}, headers=headers).get_json()
    expected = {"success": True, "is_liked": True, "status": "liked", "like_count": 1}
    assert first == expected and again == expected
    assert _rows(video) == 1


def test_is_like_false_unlikes_and_is_idempotent(client, users, me):
    video, (_, headers) = plain_video(users.create()), me
    url = f"/api/videos/{video.id}/like/"
    client.post(url, json={"is_like": True}, headers=headers)
    for _ in range(2):
        body = client.post(url, json={"is_like": False}, headers=headers).get_json()
        assert body == {"success": True, "is_liked": False, "status": "unliked", "like_count": 0}
    assert _rows(video) == 0 and _count(video) == 0


def test_empty_body_toggles(client, users, me):
    video, (_, headers) = plain_video(users.create()), me
    url = f"/api/videos/{video.id}/like/"
    assert client.post(url, headers=headers).get_json()["status"] == "liked"
    assert client.post(url, json={}, headers=headers).get_json()["status"] == "unliked"
    assert client.post(url, headers=headers).get_json()["like_count"] == 1


def test_delete_unlikes(client, users, me):
    video, (_, headers) = plain_video(users.create()), me
    url = f"/api/videos/{video.id}/like/"
    client.post(url, json={"is_like": True}, headers=headers)
    body = client.delete(url, headers=headers).get_json()
    assert body["is_liked"] is False and body["like_count"] == 0
    assert client.delete(url, headers=headers).get_json()["like_count"] == 0


def test_rejects_a_non_boolean_is_like(client, users, me):
    video = plain_video(users.create())
    response = client.post(
        f"/api/videos/{video.id}/like/", json={"is_like": "maybe"}, headers=me[1]
    )
    assert response.status_code == 400
    assert "is_like" in response.get_json()["errors"]
    assert _rows(video) == 0


def test_requires_authentication(client, users):
    video = plain_video(users.create())
    assert client.post(f"/api/videos/{video.id}/like/", json={"is_like": True}).status_code == 401


def test_returns_404_for_a_private_video_of_someone_else(client, users, me):
    video = plain_video(users.create(), visibility="private")
    response = client.post(f"/api/videos/{video.id}/like/", json={"is_like": True}, headers=me[1])
    assert response.status_code == 404 and _rows(video) == 0


def test_lists_likers_newest_first(client, users):
    video = plain_video(users.create())
    first, second = users.create(), users.create()
    for user in (first, second):
        client.post(
            f"/api/videos/{video.id}/like/",
            json={"is_like": True},
            headers=users.session_headers(user),
        )
    page = client.get(f"/api/videos/{video.id}/likes/").get_json()
    assert page["count"] == 2
    assert {item["user"]["id"] for item in page["results"]} == {str(first.id), str(second.id)}


def test_the_video_detail_says_whether_the_caller_likes_it(client, users, me):
    video, (_, headers) = plain_video(users.create()), me
    url = f"/api/videos/{video.id}/"
    assert client.get(url, headers=headers).get_json()["is_liked"] is False
    client.post(f"{url}like/", json={"is_like": True}, headers=headers)
    mine = client.get(url, headers=headers).get_json()
    assert (mine["is_liked"], mine["likes_count"]) == (True, 1)
    other = client.get(url, headers=users.session_headers(users.create())).get_json()
    assert other["is_liked"] is False
    assert client.get(url).get_json()["is_liked"] is False


def test_is_liked_is_read_only_on_update(client, users, me):
    user, headers = me
    video = plain_video(user)
    response = client.patch(f"/api/videos/{video.id}/", json={"is_liked": True}, headers=headers)
    assert response.status_code == 400
    assert response.get_json()["errors"] == {"is_liked": ["This field is read-only."]}


def _race(jobs) -> list[dict]:
    """Send every (method, url, json, headers) at once from its own thread over real HTTP."""
    gate, answers = threading.Barrier(len(jobs)), []

    def fire(method, url, body, headers):
        gate.wait()
        answers.append(requests.request(method, url, json=body, headers=headers, timeout=30))

    threads = [threading.Thread(target=fire, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return answers


def test_ten_users_liking_at_once_are_all_counted(live_server, users):
    video = plain_video(users.create())
    url = f"{live_server.url}/api/videos/{video.id}/like/"
    likers = many_users(10)
    jobs = [("POST", url, {"is_like": True}, users.session_headers(u)) for u in likers]
    answers = _race(jobs)
    assert [a.status_code for a in answers] == [200] * 10
    assert _rows(video) == 10 and _count(video) == 10


def test_one_user_liking_ten_times_at_once_counts_once(live_server, users, me):
    video, (_, headers) = plain_video(users.create()), me
    url = f"{live_server.url}/api/videos/{video.id}/like/"
    answers = _race([("POST", url, {"is_like": True}, headers)] * 10)
    assert [a.status_code for a in answers] == [200] * 10
    assert {a.json()["like_count"] for a in answers} == {1}
    assert _rows(video) == 1 and _count(video) == 1


def test_mixed_likes_and_unlikes_at_once_leave_the_counter_equal_to_the_rows(live_server, users):
    video = plain_video(users.create())
    url = f"{live_server.url}/api/videos/{video.id}/like/"
    crowd = many_users(5)
    headers = [users.session_headers(u) for u in crowd]
    for h in headers[:3]:
        requests.post(url, json={"is_like": True}, headers=h, timeout=30)
    jobs = []
    for h in headers:
        jobs += [
            ("POST", url, {"is_like": True}, h),
            ("DELETE", url, None, h),
            ("POST", url, {}, h),
        ]
    answers = _race(jobs)
    assert all(a.status_code == 200 for a in answers)
    assert _count(video) == _rows(video)
