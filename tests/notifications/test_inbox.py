"""Your notifications over REST: a notice raised by any domain is listed with the unread count,
read marks and deletes change only your own, and collapsing keeps unread events as one."""

import uuid

import pytest

from tests.helpers import assert_error
from watchparty.common.notify import notify
from watchparty.extensions import db
from watchparty.notifications.models import Notification

BASE = "/api/notifications/"


def test_a_notice_is_listed_unread_then_read(client, users):
    ada, bob = users.create(first_name="Ada"), users.create(first_name="Bob")
    notify(
        ada.id,
        "friend_request",
        "New friend request",
        "Bob sent you a friend request",
        data={"sender_id": bob.id},
        actor_id=bob.id,
    )
    headers = users.session_headers(ada)
    page = client.get(BASE, headers=headers).get_json()
    assert page["unread_count"] == 1 and page["count"] == 1
    (item,) = page["results"]
    assert page["notifications"] == page["results"]
    assert item["type"] == "friend_request" and item["read"] is False
    assert item["data"] == {"sender_id": str(bob.id)} and item["count"] == 1
    done = client.post(f"{BASE}{item['id']}/mark-read/", headers=headers).get_json()
    assert done["success"] is True and done["unread_count"] == 0
    assert client.get(f"{BASE}{item['id']}/", headers=headers).get_json()["read"] is True
    assert client.get(f"{BASE}?unread=true", headers=headers).get_json()["count"] == 0
    assert client.get(f"{BASE}?read=true", headers=headers).get_json()["count"] == 1


def test_someone_elses_notification_does_not_exist_for_you(client, users):
    ada, eve = users.create(), users.create()
    notify(ada.id, "test", "Hello", "Only for Ada")
    row = db.session.query(Notification).one()
    eve_headers = users.session_headers(eve)
    for response in (
        client.get(f"{BASE}{row.id}/", headers=eve_headers),
        client.post(f"{BASE}{row.id}/mark-read/", headers=eve_headers),
        client.delete(f"{BASE}{row.id}/", headers=eve_headers),
    ):
        assert_error(response, 404, "notification_not_found")
    db.session.expire_all()
    assert db.session.get(Notification, row.id).read_at is None


def test_unread_events_with_one_key_collapse_and_a_read_one_starts_again(client, users):
    ada = users.create()
    for n in range(3):
        notify(
            ada.id,
            "video_comment",
            "New comment",
            f"comment {n}",
            collapse_key="v:1",
            collapsed="{count} new comments on Film",
        )
    headers = users.session_headers(ada)
    (item,) = client.get(BASE, headers=headers).get_json()["results"]
    assert item["count"] == 3 and item["message"] == "3 new comments on Film"
    client.post(f"{BASE}mark-all-read/", headers=headers)
    notify(ada.id, "video_comment", "New comment", "comment 4", collapse_key="v:1")
    page = client.get(BASE, headers=headers).get_json()
    assert page["count"] == 2 and page["unread_count"] == 1
    assert page["results"][0]["message"] == "comment 4"


def test_your_own_doing_and_a_blocked_persons_are_not_notified(client, users):
    ada, troll = users.create(), users.create()
    notify(ada.id, "friend_request", "t", "m", actor_id=ada.id)
    client.post(
        "/api/users/block/", json={"user_id": str(troll.id)}, headers=users.session_headers(ada)
    )
    notify(ada.id, "friend_request", "t", "m", actor_id=troll.id)
    assert db.session.query(Notification).count() == 0


def test_delete_one_and_clear_all(client, users):
    ada = users.create()
    for n in range(3):
        notify(ada.id, "test", f"n{n}", "m")
    headers = users.session_headers(ada)
    first = client.get(BASE, headers=headers).get_json()["results"][0]["id"]
    assert client.delete(f"{BASE}{first}/", headers=headers).get_json()["unread_count"] == 2
    assert client.delete(f"{BASE}clear-all/", headers=headers).get_json()["success"] is True
    assert client.get(BASE, headers=headers).get_json()["count"] == 0


@pytest.mark.parametrize("query", ["?type=carrier_pigeon", "?read=maybe", "?page=0"])
def test_bad_list_queries_are_400(client, users, query):
    assert_error(client.get(BASE + query, headers=users.session_headers(users.create())), 400)


def test_unknown_ids_are_404_and_anonymous_is_401(client, users):
    headers = users.session_headers(users.create())
    assert_error(client.post(f"{BASE}{uuid.uuid4()}/mark-read/", headers=headers), 404)
    assert_error(client.get(BASE), 401)
