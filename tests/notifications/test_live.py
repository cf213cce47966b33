"""Notifications live on /notifications over real sockets: the unread count on connect, a new
or grown notification in every tab of its user only, read and deleted marks from elsewhere."""

from watchparty.common.notify import notify


def test_every_tab_of_the_user_hears_a_notification_and_others_do_not(sockets, users):
    ada, eve = users.create(), users.create()
    notify(ada.id, "test", "Earlier", "before connecting")
    tab, phone, other = (
        sockets(ada, "/notifications"),
        sockets(ada, "/notifications"),
        sockets(eve, "/notifications"),
    )
    assert tab.wait_for("unread_count")["unread_count"] == 1
    assert other.wait_for("unread_count")["unread_count"] == 0
    notify(ada.id, "friend_request", "New friend request", "Bob asked", data={"sender_id": "x"})
    for socket in (tab, phone):
        got = socket.wait_for("notification")
        assert got["unread_count"] == 2 and got["notification"]["title"] == "New friend request"
    assert other.received("notification") == []


def test_a_collapsed_event_arrives_as_the_grown_notification(sockets, users):
    ada = users.create()
    tab = sockets(ada, "/notifications")
    tab.wait_for("unread_count")
    for n in range(2):
        notify(
            ada.id,
            "video_comment",
            "New comment",
            f"c{n}",
            collapse_key="v",
            collapsed="{count} new comments",
        )
    grown = tab.wait_for("notification", lambda m: m["notification"]["count"] == 2)
    assert grown["notification"]["message"] == "2 new comments" and grown["unread_count"] == 1


def test_reading_in_one_place_updates_the_other_tabs(client, sockets, users):
    ada = users.create()
    notify(ada.id, "test", "One", "m")
    notify(ada.id, "test", "Two", "m")
    tab, other_tab = sockets(ada, "/notifications"), sockets(ada, "/notifications")
    tab.wait_for("unread_count")
    headers = users.session_headers(ada)
    first = client.get("/api/notifications/", headers=headers).get_json()["results"][0]["id"]
    client.post(f"/api/notifications/{first}/mark-read/", headers=headers)
    assert other_tab.wait_for("read") == {"ids": [first], "unread_count": 1}
    ack = tab.call("mark_read", {})
    assert ack["ok"] is True and ack["unread_count"] == 0
    assert other_tab.wait_for("read", lambda m: m["ids"] is None)["unread_count"] == 0
    client.delete("/api/notifications/clear-all/", headers=headers)
    assert other_tab.wait_for("deleted") == {"ids": None, "unread_count": 0}


def test_a_bad_mark_read_is_acked_as_an_error(sockets, users):
    tab = sockets(users.create(), "/notifications")
    tab.wait_for("unread_count")
    assert tab.call("mark_read", {"id": "not-a-uuid"})["ok"] is False
    assert tab.call("mark_read", {"id": "6f1b9f7e-8d3c-4c1e-9a55-0e0b1d2c3a4b"})["error"] == (
        "notification_not_found"
    )
