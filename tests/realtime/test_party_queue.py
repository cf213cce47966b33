"""The party queue over REST and /party: add (by policy), remove, move, play now, clear,
checked media URLs, and the `queue` broadcast with a growing version."""

import threading

import requests

from tests.helpers import assert_error
from tests.realtime.partykit import control
from tests.videos.factories import plain_video
from watchparty.extensions import db
from watchparty.parties.models import POLICY_HOST, POLICY_MODERATORS
from watchparty.playback.models import QueueItem


def _url(party, tail: str = "") -> str:
    return f"/api/parties/{party.id}/queue/{tail}"


def _add(client, users, user, party, **body):
    return client.post(_url(party), json=body, headers=users.session_headers(user))


def test_the_first_item_of_an_empty_party_becomes_what_plays_and_the_next_ones_wait(
    client, users, parties
):
    party = parties.create()
    host = db.session.get(type(party), party.id).host
    socket = parties.host(party)
    first = plain_video(host, title="Opening", duration=12.5)
    second = plain_video(host, title="Feature", duration=90.0)

    added = _add(client, users, host, party, video_id=str(first.id))
    assert added.status_code == 201, added.get_json()
    state = socket.wait_for("state", lambda s: s.get("item_id") == added.get_json()["id"])
    assert state["video_id"] == str(first.id) and state["duration"] == 12.5
    assert state["title"] == "Opening" and state["playing"] is False

    _add(client, users, host, party, video_id=str(second.id))
    shown = socket.wait_for("queue", lambda q: len(q["items"]) == 1)
    assert [i["title"] for i in shown["items"]] == ["Feature"]
    assert shown["current"]["title"] == "Opening" and shown["items"][0]["added_by"]
    listed = client.get(_url(party), headers=users.session_headers(host)).get_json()
    assert listed["version"] == shown["version"] and listed["current"]["title"] == "Opening"


def test_who_may_add_follows_the_queue_policy(client, users, parties):
    party = parties.create(queue_policy=POLICY_HOST)
    viewer = parties.add(party)
    video = plain_video(viewer)
    assert_error(_add(client, users, viewer, party, video_id=str(video.id)), 403, "queue_denied")
    outsider = parties.person()  # a private party does not exist for strangers
    assert_error(_add(client, users, outsider, party, video_id=str(video.id)), 404)
    assert db.session.query(QueueItem).count() == 0


def test_your_own_item_you_may_remove_anyone_elses_needs_control(client, users, parties):
    party = parties.create(control_policy=POLICY_MODERATORS)
    host = db.session.get(type(party), party.id).host
    viewer, other = parties.add(party), parties.add(party)
    plain_video(host)  # the party plays something, so additions wait in the queue
    _add(client, users, host, party, video_id=str(plain_video(host).id))
    mine = _add(client, users, viewer, party, video_id=str(plain_video(viewer).id)).get_json()
    theirs = _add(client, users, other, party, video_id=str(plain_video(other).id)).get_json()

    denied = client.delete(_url(party, f"{theirs['id']}/"), headers=users.session_headers(viewer))
    assert_error(denied, 403, "control_denied")
    gone = client.delete(_url(party, f"{mine['id']}/"), headers=users.session_headers(viewer))
    assert gone.status_code == 200 and [i["id"] for i in gone.get_json()["items"]] == [theirs["id"]]
    missing = client.delete(_url(party, f"{mine['id']}/"), headers=users.session_headers(host))
    assert_error(missing, 404, "queue_item_not_found")


def test_move_reorders_play_now_starts_an_item_and_clear_empties(client, users, parties):
    party = parties.create()
    host = db.session.get(type(party), party.id).host
    socket = parties.host(party)
    headers = users.session_headers(host)
    ids = [
        _add(client, users, host, party, video_id=str(plain_video(host, title=t).id)).get_json()[
            "id"
        ]
        for t in ("A", "B", "C", "D")
    ]  # A plays at once; B, C, D wait
    moved = client.patch(_url(party, f"{ids[3]}/"), json={"index": 0}, headers=headers)
    assert [i["title"] for i in moved.get_json()["items"]] == ["D", "B", "C"]
    version = moved.get_json()["version"]

    now = client.post(_url(party, f"{ids[2]}/play/"), headers=headers).get_json()
    assert now["current"]["title"] == "C" and [i["title"] for i in now["items"]] == ["D", "B"]
    assert now["version"] > version
    state = socket.wait_for("state", lambda s: s.get("item_id") == ids[2])
    assert state["playing"] is True

    cleared = client.delete(_url(party), headers=headers).get_json()
    assert cleared["items"] == [] and cleared["current"]["title"] == "C"
    bad = client.patch(_url(party, f"{ids[1]}/"), json={"index": -1}, headers=headers)
    assert_error(bad, 400)


def test_two_members_adding_at_once_keep_both_in_order(live_server, users, parties):
    party = parties.create()
    host = db.session.get(type(party), party.id).host
    plain_video(host)
    members = [parties.add(party) for _ in range(6)]
    videos = [str(plain_video(m).id) for m in members]
    headers = [users.session_headers(m) for m in members]
    start, answers = threading.Barrier(len(members)), []
    url = f"{live_server.url}{_url(party)}"

    def add(i):
        start.wait()
        answers.append(
            requests.post(url, json={"video_id": videos[i]}, headers=headers[i], timeout=30)
        )

    threads = [threading.Thread(target=add, args=(i,)) for i in range(len(members))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.status_code for a in answers) == [201] * len(members)
    db.session.expire_all()
    rows = db.session.query(QueueItem).filter_by(party_id=party.id).all()
    assert len(rows) == len(members)
    assert len({r.position for r in rows}) == len(rows)  # a strict order, no ties
    assert db.session.get(type(party), party.id).queue_version == len(members)


def test_a_media_url_is_checked_before_it_is_queued(client, users, parties, allow_private):
    party = parties.create()
    host = db.session.get(type(party), party.id).host
    text = _add(client, users, host, party, media_url=allow_private.url("/notes.txt"))
    assert assert_error(text, 400, "not_media")["errors"]["media_url"]
    missing = _add(client, users, host, party, media_url=allow_private.url("/gone.mp4"))
    assert_error(missing, 400, "media_unreachable")
    both = _add(client, users, host, party, media_url=allow_private.url("/clip.mp4"), video_id=None)
    assert both.status_code == 201
    assert both.get_json()["duration"] > 1 and both.get_json()["title"] == "clip.mp4"
    assert db.session.query(QueueItem).count() == 1
    assert_error(_add(client, users, host, party), 400)


def test_change_video_makes_the_media_the_current_queue_item(client, users, parties, allow_private):
    party = parties.create()
    socket = parties.host(party)
    url = allow_private.url("/vod.m3u8")
    state = control(socket, party, "video", media_url=url)["state"]
    assert state["duration"] == 10.5 and state["item_id"]
    host = db.session.get(type(party), party.id).host
    shown = client.get(_url(party), headers=users.session_headers(host)).get_json()
    assert shown["current"]["id"] == state["item_id"] and shown["current"]["media_url"] == url
    bad = socket.call(
        "control", {"party_id": str(party.id), "action": "video", "media_url": url[:-5] + ".mp4"}
    )
    assert bad["ok"] is False and bad["error"] == "media_unreachable"


def test_queue_socket_events_share_the_rest_rules(parties):
    party = parties.create(queue_policy=POLICY_HOST)
    host = parties.host(party)
    viewer, _ = parties.join(parties.add(party), party)
    video = plain_video(db.session.get(type(party), party.id).host)
    denied = viewer.call("queue_add", {"party_id": str(party.id), "video_id": str(video.id)})
    assert denied["ok"] is False and denied["error"] == "queue_denied"
    added = host.call("queue_add", {"party_id": str(party.id), "video_id": str(video.id)})
    assert added["ok"] is True and added["title"] == video.title
    bad = host.call("queue_move", {"party_id": str(party.id), "item_id": "x", "index": 0})
    assert bad["ok"] is False and "item_id" in bad["errors"]


def test_a_media_item_carries_a_checked_subtitle_track(client, users, parties, allow_private):
    party = parties.create()
    host = db.session.get(type(party), party.id).host
    socket = parties.host(party)
    media = allow_private.url("/clip.mp4")
    bad = _add(
        client, users, host, party, media_url=media, subtitle_url=allow_private.url("/notes.txt")
    )
    assert assert_error(bad, 400, "invalid_subtitles")["errors"]["subtitle_url"]
    gone = _add(
        client, users, host, party, media_url=media, subtitle_url=allow_private.url("/x.vtt")
    )
    assert_error(gone, 400, "subtitles_unreachable")
    video = plain_video(host)
    mixed = _add(client, users, host, party, video_id=str(video.id), subtitle_url=media)
    assert_error(mixed, 400)
    assert db.session.query(QueueItem).count() == 0

    item = _add(
        client, users, host, party, media_url=media, subtitle_url=allow_private.url("/track.srt")
    )
    assert item.status_code == 201, item.get_json()
    path = item.get_json()["subtitle_track"]
    state = socket.wait_for("state", lambda s: s.get("item_id") == item.get_json()["id"])
    assert state["subtitle_track"] == path
    track = client.get(path, headers=users.session_headers(host))
    assert track.mimetype == "text/vtt" and track.data.startswith(b"WEBVTT")
    assert b"00:00:00.500 --> 00:00:01.500" in track.data
    assert_error(client.get(path, headers=users.session_headers(parties.person())), 404)
