"""Site-wide presence across two real server processes sharing Redis: a friend connected to
one process is online for a viewer served by the other, live and over REST, and a kill -9 of
that process turns them offline once its heartbeat lapses."""

import json
import urllib.request

from tests.friends.presence_kit import befriend
from tests.live import Socket
from tests.realtime.partykit import until
from tests.realtime.test_multiprocess import processes, pytestmark  # noqa: F401


def _status(process, users, viewer, friend) -> str:
    request = urllib.request.Request(
        f"{process.url}/api/users/online-status/", headers=users.session_headers(viewer)
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        rows = json.load(answer)["friends"]
    return next(row["status"] for row in rows if row["user"]["id"] == str(friend.id))


def test_a_friend_on_the_other_process_is_online_and_goes_offline_when_it_dies(
    processes,  # noqa: F811
    users,
):
    a, b = processes(2)
    ada, bob = users.create(), users.create()
    befriend(ada, bob)
    watcher = Socket(b.url, "/people", users.session(ada)["access_token"])
    bobs = Socket(a.url, "/people", users.session(bob)["access_token"])
    try:
        came = watcher.wait_for("presence", lambda e: e["user_id"] == str(bob.id))
        assert came["status"] == "online"
        assert _status(b, users, ada, bob) == "online"
        a.kill()
        until(lambda: _status(b, users, ada, bob) == "offline", timeout=10)
    finally:
        watcher.close()
        bobs.client.disconnect()
