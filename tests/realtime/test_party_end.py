"""The end of what plays: every viewer gets one `ended` state on the last frame, the queue
advances after QUEUE_ADVANCE_SECONDS (or stays when cancelled or empty), Play replays, and
vote-skip moves on at the party's share of online members."""

import json

import pytest

from tests.helpers import assert_error
from tests.realtime.partykit import control
from tests.videos.factories import plain_video
from watchparty.extensions import db
from watchparty.live.state import server_ms, store
from watchparty.playback import sync


@pytest.fixture
def quick_advance(app):
    """A 0.3 s gap between the end of an item and the next."""
    app.config["QUEUE_ADVANCE_SECONDS"] = 0.3
    yield
    app.config["QUEUE_ADVANCE_SECONDS"] = 5


def _queue(client, users, party, user, *durations):
    """Items of these lengths added by `user` (the first becomes what plays); their ids."""
    ids = []
    for n, duration in enumerate(durations):
        video = plain_video(user, title=f"Item {n}", duration=duration)
        body = {"video_id": str(video.id)}
        answer = client.post(
            f"/api/parties/{party.id}/queue/", json=body, headers=users.session_headers(user)
        )
        assert answer.status_code == 201, answer.get_json()
        ids.append(answer.get_json()["id"])
    return ids


def _host(party):
    return db.session.get(type(party), party.id).host


def test_the_end_stops_everyone_on_the_last_frame_then_the_queue_advances(
    client, users, parties, quick_advance
):
    party = parties.create(wait_for_ready=False)
    host, viewer = parties.host(party), parties.join(parties.add(party), party)[0]
    first, second = _queue(client, users, party, _host(party), 0.6, 30.0)
    played = control(host, party, "play")["state"]

    ended = viewer.wait_for("state", lambda s: s["reason"] == "ended", timeout=5)
    assert ended == host.wait_for("state", lambda s: s["reason"] == "ended")
    assert ended["playing"] is False and ended["position"] == 0.6
    assert ended["item_id"] == first and ended["seq"] > played["seq"]
    assert ended["at"] == played["at"] + 600  # the exact end instant, not when a timer woke
    assert ended["up_next"]["id"] == second and ended["advance_at"] == ended["at"] + 300

    nxt = viewer.wait_for("state", lambda s: s.get("item_id") == second, timeout=5)
    assert nxt["playing"] is True and nxt["position"] == 0 and nxt["duration"] == 30.0
    assert host.wait_for("queue", lambda q: (q["current"] or {}).get("id") == second)


def test_with_an_empty_queue_the_party_stays_ended_and_play_replays_from_zero(
    client, users, parties
):
    party = parties.create(wait_for_ready=False)
    host = parties.host(party)
    _queue(client, users, party, _host(party), 0.4)
    control(host, party, "play")
    ended = host.wait_for("state", lambda s: s["reason"] == "ended", timeout=5)
    assert ended["advance_at"] is None and ended["up_next"] is None
    again = control(host, party, "play")["state"]
    assert again["playing"] is True and again["position"] == 0.0


def test_cancelling_up_next_keeps_the_last_frame(client, users, parties):
    party = parties.create(wait_for_ready=False)
    host = parties.host(party)
    _, second = _queue(client, users, party, _host(party), 0.4, 30.0)
    control(host, party, "play")
    ended = host.wait_for("state", lambda s: s["reason"] == "ended", timeout=5)
    assert ended["up_next"]["id"] == second
    cancel = host.call("queue_cancel", {"party_id": str(party.id)})
    assert cancel["ok"] is True and cancel["advance_at"] is None
    assert cancel["reason"] == "advance_cancelled"
    state = sync.current(party.id)
    assert state["item_id"] != second and state["playing"] is False


def test_a_time_event_ends_a_video_whose_alarm_died_with_its_process(client, users, parties):
    party = parties.create(wait_for_ready=False)
    host = parties.host(party)
    (item,) = _queue(client, users, party, _host(party), 20.0)
    state = sync.current(party.id) | {"playing": True, "position": 19.0, "at": server_ms() - 5000}
    store().set(sync.key(party.id), json.dumps(state))  # as a dead process left it: no alarm
    host.call("time", {"t0": 1.0})
    ended = host.wait_for("state", lambda s: s["reason"] == "ended", timeout=3)
    assert ended["item_id"] == item and ended["position"] == 20.0


def test_vote_skip_moves_on_at_the_share_of_online_members_once_per_member(client, users, parties):
    party = parties.create(wait_for_ready=False)
    host = parties.host(party)
    people = [parties.add(party) for _ in range(3)]
    for person in people:
        parties.join(person, party)  # four online: half of them is two votes
    first, second = _queue(client, users, party, _host(party), 60.0, 60.0)

    def vote(user):
        url = f"/api/parties/{party.id}/queue/skip/"
        return client.post(url, headers=users.session_headers(user))

    one = vote(people[0]).get_json()
    assert one == {"skipped": False, "votes": 1, "needed": 2}
    assert_error(vote(people[0]), 409, "already_voted")
    two = vote(people[1]).get_json()
    assert two["skipped"] is True and two["votes"] == 2
    moved = host.wait_for("state", lambda s: s.get("item_id") == second)
    assert moved["playing"] is True
    assert vote(people[0]).get_json()["votes"] == 1  # a new item, a new count
    assert_error(vote(parties.person()), 404)


def test_skipping_the_last_item_ends_it(client, users, parties):
    party = parties.create(wait_for_ready=False, skip_ratio=0.1)
    host = parties.host(party)
    _queue(client, users, party, _host(party), 60.0)
    answer = host.call("queue_skip", {"party_id": str(party.id)})
    assert answer["ok"] is True and answer["skipped"] is True
    ended = host.wait_for("state", lambda s: s["reason"] == "ended")
    assert ended["position"] == 60.0 and ended["playing"] is False
    nothing = parties.create()
    refused = parties.host(nothing).call("queue_skip", {"party_id": str(nothing.id)})
    assert refused["error"] == "nothing_playing"
