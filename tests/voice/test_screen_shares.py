"""Screen shares over REST and /rtc: one at a time, owner or host stops, ends with voice."""

import uuid

from tests.helpers import assert_error
from tests.voice.conftest import eventually


def _start(client, crowd, user):
    return client.post(crowd.url("screen-shares/start/"), headers=crowd.headers[user.id])


def test_sharing_needs_voice_first(client, crowd):
    assert_error(_start(client, crowd, crowd.member), 409, "not_in_voice")
    assert_error(_start(client, crowd, crowd.outsider), 403, "not_a_participant")


def test_one_share_at_a_time_listed_for_members(client, crowd, rtc):
    watcher = rtc(crowd.host, crowd.party)
    rtc(crowd.member, crowd.party)
    rtc(crowd.mod, crowd.party)
    started = _start(client, crowd, crowd.member)
    assert started.status_code == 201, started.get_json()
    share = started.get_json()
    assert share["user_id"] == str(crowd.member.id) and share["started_at"].endswith("Z")
    assert watcher.wait_for("screen_share")["action"] == "started"
    assert_error(_start(client, crowd, crowd.mod), 409, "share_active")
    listed = client.get(crowd.url("screen-shares/"), headers=crowd.headers[crowd.mod.id])
    assert [s["id"] for s in listed.get_json()["results"]] == [share["id"]]
    outsider = crowd.headers[crowd.outsider.id]
    assert_error(client.get(crowd.url("screen-shares/"), headers=outsider), 403)


def test_more_shares_when_the_setting_allows(client, crowd, rtc, config):
    config(VOICE_MAX_SHARES=2)
    rtc(crowd.member, crowd.party)
    rtc(crowd.mod, crowd.party)
    assert _start(client, crowd, crowd.member).status_code == 201
    assert _start(client, crowd, crowd.mod).status_code == 201


def test_only_the_owner_or_the_host_stops_a_share(client, crowd, rtc):
    rtc(crowd.member, crowd.party)
    share = _start(client, crowd, crowd.member).get_json()
    stop = crowd.url(f"screen-shares/{share['id']}/stop/")
    assert_error(client.post(stop, headers=crowd.headers[crowd.mod.id]), 403, "not_owner")
    stopped = client.post(stop, headers=crowd.headers[crowd.host.id])
    assert stopped.status_code == 200 and stopped.get_json()["ended_at"].endswith("Z")
    assert_error(client.post(stop, headers=crowd.headers[crowd.host.id]), 404, "share_not_found")
    missing = crowd.url(f"screen-shares/{uuid.uuid4()}/stop/")
    assert_error(client.post(missing, headers=crowd.headers[crowd.member.id]), 404)


def test_owner_stops_over_the_socket(crowd, rtc):
    socket = rtc(crowd.member, crowd.party)
    share = socket.call("screen_start", {"party_id": str(crowd.party.id)})["share"]
    ack = socket.call("screen_stop", {"party_id": str(crowd.party.id), "share_id": share["id"]})
    assert ack["ok"] is True and ack["share"]["id"] == share["id"]


def test_a_share_ends_when_its_owner_leaves_voice(client, crowd, rtc):
    socket = rtc(crowd.member, crowd.party)
    assert socket.call("screen_start", {"party_id": str(crowd.party.id)})["ok"] is True
    socket.close()
    url, host = crowd.url("screen-shares/"), crowd.headers[crowd.host.id]
    assert eventually(lambda: client.get(url, headers=host).get_json()["count"] == 0)
