"""GET /api/users/<id>/friendship/: where the caller stands with someone (the profile page's
buttons): none, request_sent / request_received with the request, friends, blocked."""

import uuid

from tests.helpers import assert_error


def _standing(client, users, me, other):
    response = client.get(f"/api/users/{other.id}/friendship/", headers=users.session_headers(me))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_the_standing_follows_a_request_from_asking_to_friends(client, users):
    ada, bob = users.create(), users.create()
    assert _standing(client, users, ada, bob) == {"status": "none", "request_id": None}
    sent = client.post(f"/api/users/{bob.id}/friend-request/", headers=users.session_headers(ada))
    request_id = sent.get_json()["request"]["id"]
    assert _standing(client, users, ada, bob) == {
        "status": "request_sent",
        "request_id": request_id,
    }
    assert _standing(client, users, bob, ada)["status"] == "request_received"
    client.post(f"/api/users/friends/{request_id}/accept/", headers=users.session_headers(bob))
    assert _standing(client, users, ada, bob)["status"] == "friends"
    assert _standing(client, users, bob, ada)["status"] == "friends"


def test_a_blocker_sees_blocked_and_the_blocked_finds_nobody(client, users):
    ada, bob = users.create(), users.create()
    client.post(
        "/api/users/block/", json={"user_id": str(bob.id)}, headers=users.session_headers(ada)
    )
    assert _standing(client, users, ada, bob)["status"] == "blocked"
    response = client.get(f"/api/users/{ada.id}/friendship/", headers=users.session_headers(bob))
    assert_error(response, 404, "user_not_found")


def test_oneself_unknown_people_and_anonymous_are_refused(client, users):
    ada = users.create()
    headers = users.session_headers(ada)
    assert_error(
        client.get(f"/api/users/{ada.id}/friendship/", headers=headers), 400, "self_friend"
    )
    unknown = client.get(f"/api/users/{uuid.uuid4()}/friendship/", headers=headers)
    assert_error(unknown, 404, "user_not_found")
    assert_error(client.get(f"/api/users/{ada.id}/friendship/"), 401)
