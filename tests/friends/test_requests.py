"""Friend requests: by id or by display name/email, accept, decline, cancel, remove; requests
are idempotent, and two people asking each other at once become friends once."""

import threading

import pytest
import requests

from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.friends.models import FriendLink
from watchparty.users import settings


def _ask(client, users, sender, target):
    return client.post(
        f"/api/users/{target.id}/friend-request/", headers=users.session_headers(sender)
    )


def test_a_request_by_name_is_accepted_and_both_list_each_other(client, users):
    ada, bob = users.create(first_name="Ada"), users.create(first_name="Bob", display_name="bobby")
    sent = client.post(
        "/api/users/friends/request/",
        json={"username": "BOBBY"},
        headers=users.session_headers(ada),
    )
    assert sent.status_code == 201, sent.get_json()
    request = sent.get_json()["request"]
    assert request["status"] == "pending" and request["to_user"]["id"] == str(bob.id)
    pending = client.get(
        "/api/users/friends/requests/", headers=users.session_headers(bob)
    ).get_json()
    assert [r["id"] for r in pending["incoming"]] == [request["id"]] and pending["outgoing"] == []

    accepted = client.post(
        f"/api/users/friends/{request['id']}/accept/", headers=users.session_headers(bob)
    )
    assert accepted.get_json()["request"]["status"] == "accepted"
    for me, other in ((ada, bob), (bob, ada)):
        page = client.get("/api/users/friends/", headers=users.session_headers(me)).get_json()
        assert [f["id"] for f in page["results"]] == [str(other.id)] and page["count"] == 1
    stats = client.get("/api/users/stats/", headers=users.session_headers(ada)).get_json()
    assert stats["friends_count"] == 1


def test_a_second_request_is_a_conflict_naming_the_pending_one_and_asking_back_accepts(
    client, users
):
    ada, bob = users.create(), users.create()
    first = _ask(client, users, ada, bob).get_json()["request"]
    again = assert_error(_ask(client, users, ada, bob), 409, "request_pending")
    assert again["detail"] == first["id"]
    back = _ask(client, users, bob, ada)
    assert back.status_code == 201 and back.get_json()["request"]["status"] == "accepted"
    assert_error(_ask(client, users, ada, bob), 409, "already_friends")
    assert db.session.query(FriendLink).count() == 1


def test_two_people_asking_each_other_at_once_become_friends_once(live_server, users):
    pairs = [(users.create(), users.create()) for _ in range(5)]
    answers: list = []

    def ask(sender, target, start):
        url = f"{live_server.url}/api/users/{target}/friend-request/"
        start.wait()
        answers.append(requests.post(url, headers=sender, timeout=30).status_code)

    for a, b in pairs:
        start = threading.Barrier(2)
        sides = [(users.session_headers(a), b.id), (users.session_headers(b), a.id)]
        threads = [threading.Thread(target=ask, args=(h, t, start)) for h, t in sides]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(set(answers)) == [201]
    db.session.expire_all()
    links = db.session.query(FriendLink).all()
    assert len(links) == len(pairs) and {link.status for link in links} == {"accepted"}


def test_decline_cancel_and_remove(client, users):
    ada, bob, cat = users.create(), users.create(), users.create(email="cat@example.com")
    declined = _ask(client, users, ada, bob).get_json()["request"]["id"]
    wrong = client.post(
        f"/api/users/friends/{declined}/accept/", headers=users.session_headers(ada)
    )
    assert_error(wrong, 404, "request_not_found")  # only its recipient may answer it
    client.post(f"/api/users/friends/{declined}/decline/", headers=users.session_headers(bob))
    assert _ask(client, users, ada, bob).status_code == 201  # declined: they may ask again

    mine = _ask(client, users, ada, cat).get_json()["request"]["id"]
    cancel = client.delete(
        f"/api/users/friends/requests/{mine}/", headers=users.session_headers(ada)
    )
    assert cancel.status_code == 200
    assert (
        client.get("/api/users/friends/requests/", headers=users.session_headers(cat)).get_json()[
            "incoming"
        ]
        == []
    )

    made = _ask(client, users, ada, cat).get_json()["request"]["id"]
    client.post(f"/api/users/friends/{made}/accept/", headers=users.session_headers(cat))
    removed = client.delete(
        "/api/users/friends/cat@example.com/remove/", headers=users.session_headers(ada)
    )
    assert removed.status_code == 200
    gone = client.delete(
        "/api/users/friends/cat@example.com/remove/", headers=users.session_headers(ada)
    )
    assert_error(gone, 404, "not_friends")


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({}, 400, None),
        ({"username": ""}, 400, None),
        ({"username": "nobody-by-that-name"}, 404, "user_not_found"),
        ({"user_id": "not-a-uuid"}, 400, None),
        ({"username": "x" * 300}, 400, None),
    ],
)
def test_bad_requests_change_nothing(client, users, body, status, code):
    ada = users.create()
    answer = client.post(
        "/api/users/friends/request/", json=body, headers=users.session_headers(ada)
    )
    assert_error(answer, status, code)
    assert db.session.query(FriendLink).count() == 0


def test_self_requests_and_closed_requests_are_refused(client, users):
    ada, shy = users.create(), users.create()
    assert_error(_ask(client, users, ada, ada), 400, "self_friend")
    with client.application.test_request_context():
        settings.update(shy, "privacy", {"allow_friend_requests": False})
    assert_error(_ask(client, users, ada, shy), 403, "requests_closed")
    missing = client.post(
        "/api/users/00000000-0000-4000-8000-000000000000/friend-request/",
        headers=users.session_headers(ada),
    )
    assert_error(missing, 404, "user_not_found")
    assert db.session.query(FriendLink).count() == 0
