"""REST: GET voice-chat/ (state and ICE servers), POST voice-chat/manage/."""

import base64
import hashlib
import hmac
import time
from datetime import datetime

from tests.helpers import assert_error
from tests.voice.conftest import TURN_SECRET
from watchparty.parties.models import PRIVATE


def test_member_gets_the_voice_room_and_stun_only_ice_when_turn_is_unset(client, crowd, rtc):
    rtc(crowd.member, crowd.party, camera=True)
    body = client.get(crowd.url("voice-chat/"), headers=crowd.headers[crowd.host.id]).get_json()
    assert body["enabled"] is True and body["max_peers"] == 8
    assert [(p["user_id"], p["camera"], p["muted"]) for p in body["peers"]] == [
        (str(crowd.member.id), True, False)
    ]
    assert body["turn"] is False and "STUN only" in body["note"]
    assert all("username" not in server for server in body["ice_servers"])


def test_turn_credentials_are_an_hmac_of_the_secret_that_expires_after_the_ttl(client, crowd, turn):
    before = int(time.time())
    body = client.get(crowd.url("voice-chat/"), headers=crowd.headers[crowd.member.id]).get_json()
    assert body["turn"] is True and body["ttl"] == 3600
    relay = next(s for s in body["ice_servers"] if "username" in s)
    assert relay["urls"] == turn["TURN_URLS"]
    expiry, user_id = relay["username"].split(":")
    assert user_id == str(crowd.member.id)
    assert before + 3600 <= int(expiry) <= int(time.time()) + 3600
    digest = hmac.new(TURN_SECRET.encode(), relay["username"].encode(), hashlib.sha1).digest()
    assert relay["credential"] == base64.b64encode(digest).decode()
    expires_at = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    assert int(expires_at.timestamp()) == int(expiry)


def test_turn_ttl_comes_from_config(client, crowd, turn, config):
    config(TURN_TTL=60)
    body = client.get(crowd.url("voice-chat/"), headers=crowd.headers[crowd.member.id]).get_json()
    relay = next(s for s in body["ice_servers"] if "username" in s)
    assert int(relay["username"].split(":")[0]) <= int(time.time()) + 60


def test_outsiders_get_no_voice_room_nor_turn_credentials(client, crowd, turn, users, parties):
    assert_error(
        client.get(crowd.url("voice-chat/"), headers=crowd.headers[crowd.outsider.id]),
        403,
        "not_a_participant",
    )
    hidden = parties.create(crowd.host, visibility=PRIVATE)
    outsider = crowd.headers[crowd.outsider.id]
    assert_error(client.get(crowd.url("voice-chat/", hidden), headers=outsider), 404)
    assert_error(client.get(crowd.url("voice-chat/")), 401)


def test_moderator_mutes_and_unmutes_a_member(client, crowd, rtc):
    rtc(crowd.member, crowd.party)
    mod = crowd.headers[crowd.mod.id]
    body = {"action": "mute_user", "user_id": str(crowd.member.id)}
    response = client.post(crowd.url("voice-chat/manage/"), json=body, headers=mod)
    assert response.status_code == 200, response.get_json()
    peer = response.get_json()["voice"]["peers"][0]
    assert peer["muted"] is True and peer["muted_by_moderator"] is True
    body = {"action": "unmute", "user_id": str(crowd.member.id)}
    result = client.post(crowd.url("voice-chat/manage/"), json=body, headers=mod).get_json()
    assert result["voice"]["peers"][0]["muted_by_moderator"] is False


def test_participants_cannot_manage_voice(client, crowd):
    body = {"action": "mute", "user_id": str(crowd.mod.id)}
    headers = crowd.headers[crowd.member.id]
    response = client.post(crowd.url("voice-chat/manage/"), json=body, headers=headers)
    assert_error(response, 403, "not_a_moderator")


def test_a_moderator_cannot_mute_the_host(client, crowd):
    body = {"action": "mute", "user_id": str(crowd.host.id)}
    response = client.post(
        crowd.url("voice-chat/manage/"), json=body, headers=crowd.headers[crowd.mod.id]
    )
    assert_error(response, 403, "cannot_manage_host")


def test_manage_refuses_bad_bodies(client, crowd):
    host = crowd.headers[crowd.host.id]
    url = crowd.url("voice-chat/manage/")
    for body in ({}, {"action": "shout"}, {"action": "mute"}, {"action": "remove", "user_id": "x"}):
        assert_error(client.post(url, json=body, headers=host), 400, "validation_error")
    stranger = {"action": "mute", "user_id": str(crowd.outsider.id)}
    assert_error(client.post(url, json=stranger, headers=host), 404, "user_not_found")


def test_host_removes_a_member_from_voice(client, crowd, rtc):
    socket = rtc(crowd.member, crowd.party)
    body = {"action": "remove", "user_id": str(crowd.member.id)}
    result = client.post(
        crowd.url("voice-chat/manage/"), json=body, headers=crowd.headers[crowd.host.id]
    )
    assert result.get_json()["voice"]["peers"] == []
    assert socket.wait_for("voice_removed")["party_id"] == str(crowd.party.id)


def test_disabling_voice_empties_the_room_and_refuses_joins_until_enabled(client, crowd, rtc):
    socket = rtc(crowd.member, crowd.party)
    host = crowd.headers[crowd.host.id]
    off = client.post(crowd.url("voice-chat/manage/"), json={"action": "disable"}, headers=host)
    assert off.get_json()["voice"] == off.get_json()["voice"] | {"enabled": False, "peers": []}
    socket.wait_for("voice_disabled")
    refused = socket.call("join", {"party_id": str(crowd.party.id)})
    assert refused["ok"] is False and refused["error"] == "voice_disabled"
    client.post(crowd.url("voice-chat/manage/"), json={"action": "enable_voice"}, headers=host)
    assert socket.call("join", {"party_id": str(crowd.party.id)})["ok"] is True


def test_switching_voice_tells_everyone_in_the_party_room_not_only_those_in_voice(
    client, crowd, sockets
):
    watcher = sockets(crowd.member, "/party")  # in the room, never in voice
    assert watcher.call("join", {"party_id": str(crowd.party.id)})["ok"] is True
    host = crowd.headers[crowd.host.id]
    for action, enabled in (("disable", False), ("enable", True)):
        client.post(crowd.url("voice-chat/manage/"), json={"action": action}, headers=host)
        told = watcher.wait_for("party", lambda e, on=enabled: e["party"]["voice_enabled"] is on)
        assert told["party_id"] == str(crowd.party.id)
