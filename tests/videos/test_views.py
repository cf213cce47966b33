"""Views: one per viewer per window, anonymous viewers hashed (never their address), owner list."""

import threading

from sqlalchemy import func, select

from tests.videos.factories import plain_video
from watchparty.extensions import db
from watchparty.users.models import User
from watchparty.videos.engagement_models import VideoView
from watchparty.videos.models import Video
from watchparty.videos.view_counts import record_view, viewer_key


def _url(video) -> str:
    return f"/api/videos/{video.id}/views/"


def test_counts_a_view_once_per_viewer_per_window(client, users, me):
    video = plain_video(users.create())
    _, headers = me
    first = client.post(_url(video), json={}, headers=headers).get_json()
    second = client.post(_url(video), json={}, headers=headers).get_json()
    assert first == {"success": True, "counted": True, "views_count": 1}
    assert second == {"success": True, "counted": False, "views_count": 1}


def test_counts_a_new_view_in_the_next_window(app, users, me):
    video, (user, _) = plain_video(users.create()), me
    assert record_view(video, user, "203.0.113.9") is True
    # Another window length puts "now" in another window: the same viewer counts again there.
    app.config["VIEW_WINDOW_MINUTES"] = 1
    try:
        assert record_view(video, user, None) is True
        assert record_view(video, user, None) is False
    finally:
        app.config["VIEW_WINDOW_MINUTES"] = 30
    db.session.refresh(video)
    assert video.views_count == 2


def test_anonymous_viewers_are_told_apart_by_a_keyed_hash_not_their_address(client, users):
    video = plain_video(users.create())
    one = client.post(_url(video), json={}, environ_base={"REMOTE_ADDR": "198.51.100.7"})
    again = client.post(_url(video), json={}, environ_base={"REMOTE_ADDR": "198.51.100.7"})
    other = client.post(_url(video), json={}, environ_base={"REMOTE_ADDR": "198.51.100.8"})
    assert [r.get_json()["counted"] for r in (one, again, other)] == [True, False, True]
    keys = set(db.session.scalars(select(VideoView.viewer_key)))
    assert keys == {viewer_key(None, "198.51.100.7"), viewer_key(None, "198.51.100.8")}
    assert not any("198.51.100" in key for key in keys)
    assert all(len(key) == 64 for key in keys)


def test_adds_reported_watch_time_to_the_window_row(client, users, me):
    video, (_, headers) = plain_video(users.create()), me
    client.post(_url(video), json={"watch_time": 12.5, "position": 12.5}, headers=headers)
    client.post(_url(video), json={"watch_time": 7.5}, headers=headers)
    assert db.session.scalar(select(VideoView.watch_time)) == 20.0


def test_rejects_negative_or_absurd_watch_time(client, users, me):
    video, (_, headers) = plain_video(users.create()), me
    for bad in (-1, "NaN", 10**9, "soon"):
        response = client.post(_url(video), json={"watch_time": bad}, headers=headers)
        assert response.status_code == 400, bad
        assert "watch_time" in response.get_json()["errors"]
    assert db.session.scalar(select(func.count()).select_from(VideoView)) == 0


def test_returns_404_for_a_private_video_of_someone_else(client, users, me):
    video = plain_video(users.create(), visibility="private")
    response = client.post(_url(video), json={}, headers=me[1])
    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"


def test_returns_404_for_a_video_that_is_not_ready(client, users, me):
    video = plain_video(users.create(), status="processing")
    assert client.post(_url(video), json={}, headers=me[1]).status_code == 404


def test_owner_lists_views_without_addresses(client, users, me):
    owner, (viewer, headers) = users.create(), me
    video = plain_video(owner)
    client.post(_url(video), json={"watch_time": 3}, headers=headers)
    client.post(_url(video), json={}, environ_base={"REMOTE_ADDR": "198.51.100.7"})
    page = client.get(_url(video), headers=users.session_headers(owner)).get_json()
    assert page["count"] == 2
    viewers = [item["viewer"] for item in page["results"]]
    assert (
        None in viewers and {"id": str(viewer.id)}.items() <= next(v for v in viewers if v).items()
    )
    assert "198.51.100.7" not in str(page)
    assert all(set(item) == {"id", "viewer", "viewed_at", "watch_time"} for item in page["results"])


def test_view_list_is_403_for_a_viewer_who_is_not_the_owner(client, users, me):
    video = plain_video(users.create())
    response = client.get(_url(video), headers=me[1])
    assert response.status_code == 403


def test_concurrent_first_views_by_one_user_count_once(app, users, me):
    video, (user, _) = plain_video(users.create()), me
    video_id, user_id = video.id, user.id
    gate, results = threading.Barrier(8), []

    def view():
        with app.app_context():
            viewer, row = db.session.get(User, user_id), db.session.get(Video, video_id)
            gate.wait()
            results.append(record_view(row, viewer, None))
            db.session.remove()

    threads = [threading.Thread(target=view) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    db.session.expire_all()
    assert sorted(results) == [False] * 7 + [True]
    assert db.session.get(Video, video_id).views_count == 1
