"""Creating, reading, updating and deleting parties, with their permissions and validation."""

import uuid

import pytest

from tests.helpers import assert_error
from tests.parties.helpers import create_party
from tests.videos.factories import make_video


def test_creator_becomes_host_with_a_seat_and_room_code(client, me):
    user, headers = me
    party = create_party(client, headers, title="  Friday film ", max_participants=10)
    assert party["title"] == "Friday film"
    assert party["host"]["id"] == str(user.id)
    assert party["participant_count"] == 1
    assert party["status"] == "scheduled"
    code = party["room_code"]
    assert len(code) == 6 and not set(code) & set("0O1IL")
    detail = client.get(f"/api/parties/{party['id']}/", headers=headers).get_json()
    assert [(p["user"]["id"], p["role"]) for p in detail["participants"]] == [
        (str(user.id), "host")
    ]
    assert detail["my_role"] == "host"


def test_seed_003_field_names_are_accepted(client, me):
    user, headers = me
    video = str(make_video(user).id)
    body = {
        "title": "x",
        "video": video,
        "is_public": False,
        "scheduled_for": "2030-08-10T20:00:00Z",
    }
    response = client.post("/api/parties/", json=body, headers=headers)
    party = response.get_json()
    assert response.status_code == 201, party
    assert party["video_id"] == video and party["video"] == video
    assert party["visibility"] == "private" and party["is_public"] is False
    assert party["scheduled_start"] == party["scheduled_for"] == "2030-08-10T20:00:00Z"


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "title"),
        ({"title": ""}, "title"),
        ({"title": "x", "max_participants": 1}, "max_participants"),
        ({"title": "x", "max_participants": 10001}, "max_participants"),
        ({"title": "x", "max_participants": "many"}, "max_participants"),
        ({"title": "x", "video_id": "not-a-uuid"}, "video_id"),
        ({"title": "x", "media_url": "ftp://example.com/a.mp4"}, "media_url"),
        ({"title": "x", "media_url": "https://example.com/page.html"}, "media_url"),
        ({"title": "x", "control_policy": "anyone"}, "control_policy"),
        ({"title": "x", "visibility": "secret"}, "visibility"),
        ({"title": "x", "is_public": True, "visibility": "private"}, "is_public"),
        ({"title": "x", "require_approval": "perhaps"}, "require_approval"),
        ({"title": "x", "scheduled_start": "tomorrow"}, "scheduled_start"),
        ({"title": "x", "host_id": str(uuid.uuid4())}, "host_id"),
    ],
)
def test_invalid_create_input_is_a_400_naming_the_field(client, me, body, field):
    _, headers = me
    body = assert_error(client.post("/api/parties/", json=body, headers=headers), 400)
    assert field in body["errors"]


def test_video_and_media_url_together_are_refused(client, me):
    _, headers = me
    body = {"title": "x", "video_id": str(uuid.uuid4()), "media_url": "https://a.example/v.m3u8"}
    response = client.post("/api/parties/", json=body, headers=headers)
    assert "media_url" in assert_error(response, 400)["errors"]


def test_hls_and_mp4_urls_are_accepted(client, me, allow_private):
    _, headers = me
    for url in (allow_private.url("/vod.m3u8?token=1"), allow_private.url("/clip.mp4")):
        assert create_party(client, headers, media_url=url)["media_url"] == url


def test_only_the_host_may_update_or_delete(client, users, me):
    _, headers = me
    party = create_party(client, headers)
    other = users.session_headers(users.create())
    url = f"/api/parties/{party['id']}/"
    assert_error(client.patch(url, json={"title": "mine"}, headers=other), 403)
    assert_error(client.delete(url, headers=other), 403)
    response = client.put(url, json={"title": "Renamed", "is_public": False}, headers=headers)
    assert response.status_code == 200
    assert response.get_json()["title"] == "Renamed"
    assert response.get_json()["visibility"] == "private"


def test_update_cannot_shrink_below_current_members(client, users, me):
    _, headers = me
    party = create_party(client, headers)
    client.post(f"/api/parties/{party['id']}/join/", headers=users.session_headers(users.create()))
    url = f"/api/parties/{party['id']}/"
    response = client.patch(url, json={"max_participants": 2}, headers=headers)
    assert response.status_code == 200
    # A third seat is taken by nobody, but two members exist: 2 is allowed, 1 never is.
    assert_error(client.patch(url, json={"max_participants": 1}, headers=headers), 400)


def test_unknown_party_is_404_everywhere(client, me):
    _, headers = me
    missing = uuid.uuid4()
    assert_error(client.get(f"/api/parties/{missing}/", headers=headers), 404, "party_not_found")
    assert_error(client.patch(f"/api/parties/{missing}/", json={}, headers=headers), 404)
    assert_error(client.post(f"/api/parties/{missing}/join/", headers=headers), 404)
    assert_error(client.get(f"/api/parties/{missing}/analytics/", headers=headers), 404)


def test_private_party_is_hidden_from_outsiders(client, users, me):
    _, headers = me
    party = create_party(client, headers, visibility="private")
    outsider = users.session_headers(users.create())
    assert_error(client.get(f"/api/parties/{party['id']}/", headers=outsider), 404)
    listed = client.get("/api/parties/", headers=outsider).get_json()
    assert listed["count"] == 0
    assert client.get("/api/parties/", headers=headers).get_json()["count"] == 1


def test_delete_ends_the_party_and_removes_it(client, me):
    _, headers = me
    party = create_party(client, headers)
    response = client.delete(f"/api/parties/{party['id']}/", headers=headers)
    assert response.status_code == 200 and response.get_json()["success"] is True
    assert_error(client.get(f"/api/parties/{party['id']}/", headers=headers), 404)
    assert client.get("/api/parties/", headers=headers).get_json()["count"] == 0


def test_start_and_end_are_host_only_and_end_keeps_the_party(client, users, me):
    _, headers = me
    party = create_party(client, headers)
    guest = users.session_headers(users.create())
    client.post(f"/api/parties/{party['id']}/join/", headers=guest)
    assert_error(client.post(f"/api/parties/{party['id']}/start/", headers=guest), 403)
    started = client.post(f"/api/parties/{party['id']}/start/", headers=headers).get_json()
    assert started["status"] == "live" and started["started_at"]
    ended = client.post(f"/api/parties/{party['id']}/end/", headers=headers).get_json()
    assert ended["status"] == "ended" and ended["ended_at"]
    assert client.get(f"/api/parties/{party['id']}/", headers=headers).status_code == 200
    late = users.session_headers(users.create())
    assert_error(client.post(f"/api/parties/{party['id']}/join/", headers=late), 409, "party_ended")
    assert_error(client.patch(f"/api/parties/{party['id']}/", json={}, headers=headers), 409)


def test_requests_without_a_token_are_401(client):
    assert_error(client.post("/api/parties/", json={"title": "x"}), 401)
    assert_error(client.get("/api/parties/"), 401)
