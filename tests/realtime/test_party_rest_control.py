"""POST /api/parties/<id>/control/: the REST mirror reaches socket clients like a socket command."""

from tests.helpers import assert_error
from tests.realtime.partykit import state_with
from watchparty.extensions import db
from watchparty.live.state import store
from watchparty.parties.models import ENDED, POLICY_HOST, Party
from watchparty.playback import sync


def url(party) -> str:
    return f"/api/parties/{party.id}/control/"


def test_rest_control_reaches_socket_clients(parties, client, users):
    party = parties.create()
    viewer, _ = parties.join(parties.add(party), party)
    host = db.session.get(Party, party.id).host
    response = client.post(
        url(party), json={"action": "play", "timestamp": 120.5}, headers=users.session_headers(host)
    )
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["success"] is True and body["action"] == "play" and body["timestamp"] == 120.5
    assert body["synced_at"].endswith("Z")
    state = state_with(viewer, body["seq"])
    assert state == body["state"] and state["playing"] is True and state["position"] == 120.5


def test_rest_duplicate_cmd_id_is_applied_once(parties, client, users):
    party = parties.create()
    headers = users.session_headers(db.session.get(Party, party.id).host)
    command = {"action": "seek", "position": 7, "cmd_id": "r-1"}
    first = client.post(url(party), json=command, headers=headers).get_json()
    again = client.post(url(party), json=command, headers=headers).get_json()
    assert again["seq"] == first["seq"] and again["duplicate"] is True


def test_rest_control_is_refused_by_policy_and_for_ended_parties(parties, client, users):
    party = parties.create(control_policy=POLICY_HOST)
    member = parties.add(party)
    denied = client.post(url(party), json={"action": "play"}, headers=users.session_headers(member))
    assert_error(denied, 403, "control_denied")
    stranger = users.session_headers(parties.person())
    response = client.post(url(party), json={"action": "play"}, headers=stranger)
    assert_error(response, 404, "party_not_found")  # a private party is hidden from strangers
    db.session.get(Party, party.id).status = ENDED
    db.session.commit()
    host = users.session_headers(db.session.get(Party, party.id).host)
    assert_error(client.post(url(party), json={"action": "play"}, headers=host), 409, "party_ended")


def test_rest_control_validates_input(parties, client, users):
    party = parties.create()
    headers = users.session_headers(db.session.get(Party, party.id).host)
    assert_error(client.post(url(party), json={"action": "fly"}, headers=headers), 400)
    assert_error(client.post(url(party), json={"action": "rate"}, headers=headers), 400)
    missing = "/api/parties/00000000-0000-0000-0000-000000000000/control/"
    assert_error(client.post(missing, json={"action": "play"}, headers=headers), 404)
    assert client.post(url(party), json={"action": "play"}).status_code == 401


def test_state_survives_a_flushed_live_store(parties, client, users):
    party = parties.create()
    headers = users.session_headers(db.session.get(Party, party.id).host)
    body = client.post(url(party), json={"action": "seek", "position": 33}, headers=headers)
    seq = body.get_json()["seq"]
    store().delete(sync.key(party.id))  # a fresh process, or Redis flushed
    _, ack = parties.join(parties.add(party), party)
    assert ack["state"]["position"] == 33 and ack["state"]["seq"] > seq
