"""Friends' presence across the site: any open connection counts, away when every page is
hidden, last seen once gone; changes arrive live on /people to friends only; a party's title
shows only when it is public or shared; a hidden status looks offline everywhere."""

from tests.friends.presence_kit import befriend, status_of
from tests.realtime.partykit import until
from watchparty.parties.models import PUBLIC
from watchparty.users import settings


def test_a_friend_is_online_while_any_connection_is_open_then_offline_with_last_seen(
    client, users, sockets, parties
):
    ada, bob = users.create(), users.create()
    befriend(ada, bob)
    assert status_of(client, users, ada, bob) | {"user": None} == {
        "user": None,
        "status": "offline",
        "last_seen": None,
        "watching": None,
    }
    first, second = sockets(bob, "/people"), sockets(bob, "/chat")
    assert status_of(client, users, ada, bob)["status"] == "online"
    first.close()
    assert status_of(client, users, ada, bob)["status"] == "online"  # /chat is still open
    second.close()
    until(lambda: status_of(client, users, ada, bob)["status"] == "offline")
    assert status_of(client, users, ada, bob)["last_seen"] is not None


def test_presence_changes_reach_friends_live_and_nobody_else(client, users, sockets):
    ada, bob, eve = users.create(), users.create(), users.create()
    befriend(ada, bob)
    watcher, stranger = sockets(ada, "/people"), sockets(eve, "/people")
    bobs = sockets(bob, "/people")
    came = watcher.wait_for("presence", lambda e: e["user_id"] == str(bob.id))
    assert came["status"] == "online" and came["user"]["id"] == str(bob.id)
    assert bobs.call("away", {"away": True}) == {"ok": True, "status": "away"}
    watcher.wait_for("presence", lambda e: e["status"] == "away")
    bobs.close()
    watcher.wait_for("presence", lambda e: e["status"] == "offline")
    assert [e for e in stranger.received("presence") if e["user_id"] == str(bob.id)] == []
    assert watcher.call("status")["friends"][0]["status"] == "offline"


def test_away_needs_every_page_hidden(client, users, sockets):
    ada, bob = users.create(), users.create()
    befriend(ada, bob)
    hidden, shown = sockets(bob, "/people"), sockets(bob, "/people")
    hidden.call("away", {"away": True})
    assert status_of(client, users, ada, bob)["status"] == "online"
    shown.call("away", {"away": True})
    assert status_of(client, users, ada, bob)["status"] == "away"
    shown.call("away", {"away": False})
    assert status_of(client, users, ada, bob)["status"] == "online"
    refused = shown.call("away", {"away": "maybe"})
    assert refused["ok"] is False and refused["error"] == "validation_error"


def test_watching_names_a_public_party_or_one_the_viewer_is_in_never_a_private_one(
    client, users, parties
):
    ada, bob = users.create(), users.create()
    befriend(ada, bob)
    secret = parties.create(title="Secret screening")
    parties.add(secret, bob)
    parties.join(bob, secret)
    row = status_of(client, users, ada, bob)
    assert row["status"] == "online" and row["watching"] is None
    parties.add(secret, ada)
    assert status_of(client, users, ada, bob)["watching"]["title"] == "Secret screening"

    carol = users.create()
    befriend(carol, bob)
    open_night = parties.create(title="Open night", visibility=PUBLIC)
    parties.add(open_night, bob)
    socket, _ = parties.join(bob, open_night)
    assert status_of(client, users, carol, bob)["watching"]["title"] == "Open night"
    socket.call("leave", {"party_id": str(open_night.id)})
    assert status_of(client, users, carol, bob)["watching"] is None


def test_a_friend_who_hides_their_status_looks_offline_and_sends_nothing_live(
    client, users, sockets
):
    ada, bob = users.create(), users.create()
    befriend(ada, bob)
    settings.update(bob, "privacy", {"show_online_status": False})
    watcher = sockets(ada, "/people")
    sockets(bob, "/people")
    row = status_of(client, users, ada, bob)
    assert (row["status"], row["last_seen"]) == ("offline", None)
    assert watcher.received("presence") == []
    body = client.get("/api/users/online-status/", headers=users.session_headers(ada)).get_json()
    assert (body["online_count"], body["total"]) == (0, 1)


def test_hiding_the_status_while_online_reaches_friends_live_as_offline_and_showing_it_back(
    client, users, sockets
):
    ada, bob = users.create(), users.create()
    befriend(ada, bob)
    watcher = sockets(ada, "/people")
    sockets(bob, "/people")
    watcher.wait_for("presence", lambda e: e["user_id"] == str(bob.id) and e["status"] == "online")
    privacy = "/api/users/privacy/settings/"
    headers = users.session_headers(bob)
    hide = client.put(privacy, json={"show_online_status": False}, headers=headers)
    assert hide.status_code == 200, hide.get_json()
    gone = watcher.wait_for("presence", lambda e: e["status"] == "offline")
    assert (gone["user_id"], gone["last_seen"]) == (str(bob.id), None)
    client.put(privacy, json={"show_online_status": True}, headers=headers)
    back = watcher.wait_for("presence", lambda e: e["status"] == "online")
    assert back["user_id"] == str(bob.id)


def test_online_status_lists_only_friends_and_needs_a_token(client, users, sockets):
    ada, bob = users.create(), users.create()
    sockets(bob, "/people")
    body = client.get("/api/users/online-status/", headers=users.session_headers(ada)).get_json()
    assert body == {"friends": [], "online_count": 0, "total": 0}
    assert client.get("/api/users/online-status/").status_code == 401
