"""Reading, updating and deleting videos: visibility rules, validation, storage clean-up."""

import uuid

import pytest

from tests.factories import PASSWORD
from tests.helpers import assert_error
from tests.videos.factories import make_video, ready_video
from watchparty.extensions import db
from watchparty.jobs import jobs
from watchparty.storage import storage
from watchparty.videos import keys
from watchparty.videos.engagement_models import VideoLike
from watchparty.videos.models import PRIVATE, PROCESSING, PUBLIC, UNLISTED, Video


@pytest.fixture
def clip(clips):
    return clips("h3-360p.mp4", seconds=3, size="640x360")


def test_detail_shows_processing_status_to_the_owner_and_hides_it_from_others(client, users, me):
    user, headers = me
    video = make_video(user, status=PROCESSING, progress=40, visibility=PUBLIC)
    body = client.get(f"/api/videos/{video.id}/", headers=headers).get_json()
    assert (body["status"], body["progress"], body["uploaded_by"]["id"]) == (
        "processing",
        40,
        str(user.id),
    )
    assert_error(client.get(f"/api/videos/{video.id}/"), 404)
    other = users.session_headers(users.create())
    assert_error(client.get(f"/api/videos/{video.id}/", headers=other), 404)


@pytest.mark.parametrize("visibility, anonymous", [(PUBLIC, 200), (UNLISTED, 200), (PRIVATE, 404)])
def test_detail_of_a_ready_video_follows_its_visibility(client, me, visibility, anonymous):
    user, headers = me
    video = make_video(user, visibility=visibility)
    assert client.get(f"/api/videos/{video.id}/").status_code == anonymous
    assert client.get(f"/api/videos/{video.id}/", headers=headers).status_code == 200


def test_returns_404_for_an_unknown_video(client):
    assert_error(client.get(f"/api/videos/{uuid.uuid4()}/"), 404)


def test_owner_updates_details_with_put_or_patch(client, me):
    user, headers = me
    video = make_video(user)
    body = {"title": "  New title ", "tags": [" a", "b", "a"], "category": "music"}
    response = client.patch(f"/api/videos/{video.id}/", json=body, headers=headers)
    assert response.status_code == 200, response.get_json()
    data = response.get_json()
    assert (data["title"], data["tags"], data["category"]) == ("New title", ["a", "b"], "music")
    response = client.put(
        f"/api/videos/{video.id}/",
        json={"is_public": False, "allow_download": True},
        headers=headers,
    )
    data = response.get_json()
    assert (data["visibility"], data["is_public"], data["allow_download"]) == (
        "private",
        False,
        True,
    )
    assert data["title"] == "New title"  # PUT is partial too


@pytest.mark.parametrize(
    "body, field",
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"visibility": "secret"}, "visibility"),
        ({"is_public": "maybe"}, "is_public"),
        ({"is_public": True, "visibility": "unlisted"}, "is_public"),
        ({"tags": "a,b"}, "tags"),
        ({"tags": ["ok", ""]}, "tags"),
        ({"allow_download": "perhaps"}, "allow_download"),
        ({"status": "ready"}, "status"),
        ({"views_count": 1000}, "views_count"),
        ({"owner_id": str(uuid.uuid4())}, "owner_id"),
    ],
)
def test_update_rejects_bad_read_only_and_unknown_fields_with_400(client, me, body, field):
    user, headers = me
    video = make_video(user, title="Kept")
    response = client.patch(f"/api/videos/{video.id}/", json=body, headers=headers)
    assert field in assert_error(response, 400)["errors"]
    db.session.expire_all()
    assert db.session.get(Video, video.id).title == "Kept"


def test_update_by_another_user_is_403_or_404_when_they_cannot_see_it(client, users, me):
    _, headers = me
    owner = users.create()
    public, private = make_video(owner), make_video(owner, visibility=PRIVATE)
    patch = {"title": "mine now"}
    assert_error(client.patch(f"/api/videos/{public.id}/", json=patch, headers=headers), 403)
    assert_error(client.patch(f"/api/videos/{private.id}/", json=patch, headers=headers), 404)
    assert_error(client.delete(f"/api/videos/{public.id}/", headers=headers), 403)
    assert_error(client.patch(f"/api/videos/{public.id}/", json=patch), 401)


@pytest.mark.parametrize("backend", ["local", "s3"])
def test_delete_removes_the_row_its_dependants_and_every_stored_object(
    request, client, me, clip, backend
):
    if backend == "s3":
        request.getfixturevalue("s3")
    user, headers = me
    video = ready_video(user, clip)
    keep = ready_video(user, clip)
    db.session.add(VideoLike(video_id=video.id, user_id=user.id))
    db.session.commit()
    assert len(storage().list_prefix(keys.video_prefix(video.id))) > 5
    response = client.delete(f"/api/videos/{video.id}/", headers=headers)
    assert response.get_json() == {"success": True, "message": "Video deleted successfully"}
    assert storage().list_prefix(keys.video_prefix(video.id)) == []
    assert storage().list_prefix(keys.video_prefix(keep.id)) != []
    db.session.expire_all()
    assert db.session.get(Video, video.id) is None
    assert db.session.scalar(db.select(db.func.count()).select_from(VideoLike)) == 0
    assert_error(client.get(f"/api/videos/{video.id}/", headers=headers), 404)


def test_deleting_the_account_removes_its_videos_and_their_files(client, users, clip):
    user = users.create()
    video_id = ready_video(user, clip).id
    response = client.delete(
        "/api/users/delete-account/",
        headers=users.session_headers(user),
        json={"password": PASSWORD, "confirmation": "DELETE"},
    )
    assert response.status_code == 200, response.get_json()
    db.session.expire_all()
    assert db.session.get(Video, video_id) is None
    assert storage().list_prefix(keys.video_prefix(video_id)) == []


def test_processing_status_is_for_the_owner_only(client, users, me):
    user, headers = me
    video = make_video(
        user, status=PROCESSING, progress=55, processing_steps={"transcoding": "running"}
    )
    body = client.get(f"/api/videos/{video.id}/processing-status/", headers=headers).get_json()
    assert body["status"] == "processing" and body["progress"] == 55
    assert body["processing_steps"] == {"transcoding": "running"}
    assert {"estimated_completion", "failure_reason", "attempts"} <= set(body)
    public = make_video(users.create())
    url = f"/api/videos/{public.id}/processing-status/"
    assert_error(client.get(url, headers=headers), 403)


@pytest.mark.parametrize(
    "body", [{}, {"timestamp": -1}, {"timestamp": 3.5}, {"timestamp": "soon"}, {"timestamp": "nan"}]
)
def test_regenerate_thumbnail_rejects_timestamps_outside_the_video(client, me, body):
    user, headers = me
    video = make_video(user, duration=3.0)
    url = f"/api/videos/{video.id}/regenerate-thumbnail/"
    assert "timestamp" in assert_error(client.post(url, json=body, headers=headers), 400)["errors"]


def test_regenerate_thumbnail_needs_a_ready_video_of_your_own(client, users, me):
    user, headers = me
    processing = make_video(user, status=PROCESSING)
    other = make_video(users.create())
    body = {"timestamp": 1}
    url = "/api/videos/{}/regenerate-thumbnail/"
    assert_error(client.post(url.format(processing.id), json=body, headers=headers), 409)
    assert_error(client.post(url.format(other.id), json=body, headers=headers), 403)


def test_regenerate_thumbnail_queues_a_job_and_answers_202(client, me, clip, run_jobs):
    user, headers = me
    video = ready_video(user, clip)
    response = client.post(
        f"/api/videos/{video.id}/regenerate-thumbnail/", json={"timestamp": 1.5}, headers=headers
    )
    assert response.status_code == 202 and response.get_json()["success"] is True
    if jobs.redis is not None:  # embedded, the job already runs in the background
        (job,) = jobs.queue("transcode").jobs
        assert job.func_name == "watchparty.videos.tasks.regenerate_thumbnail"
        assert job.args == (str(video.id), 1.5)
    run_jobs()
