"""Parties hosted for a group: every member is invited, members see the party in the lobby
feed and in party lists (strangers do not), newcomers are invited, leavers lose their
invitations; bad requests change nothing."""

import uuid

from tests.groups.kit import BASE, call, create, join, url
from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.groups.models import GroupParty
from watchparty.parties.invite_models import PartyInvitation
from watchparty.parties.models import PRIVATE


def _setup(client, users, parties):
    ada, bob, cat = users.create(), users.create(), users.create()
    gid = create(client, users, ada, name="Film club")["id"]
    join(client, users, bob, gid)
    party = parties.create(ada, visibility=PRIVATE, title="Club night")
    return gid, party, ada, bob, cat


def _add(client, users, who, gid, party_id):
    body = {"party_id": str(party_id)}
    return call(client, users, who, "POST", url(gid, "parties/"), json=body)


def _invited(party_id) -> set:
    rows = db.session.query(PartyInvitation).filter_by(party_id=party_id, status="pending")
    return {row.invitee_id for row in rows}


def test_a_group_party_invites_members_and_shows_in_their_lobby_only(client, users, parties):
    gid, party, ada, bob, cat = _setup(client, users, parties)
    added = _add(client, users, ada, gid, party.id)
    assert added.status_code == 201 and added.get_json()["invited"] == 1
    assert _invited(party.id) == {bob.id}

    feed = call(client, users, bob, "GET", f"{BASE}parties/").get_json()["results"]
    assert [(p["id"], p["group_name"]) for p in feed] == [(str(party.id), "Film club")]
    listed = call(client, users, bob, "GET", "/api/parties/").get_json()["results"]
    assert [p["id"] for p in listed] == [str(party.id)]
    assert call(client, users, bob, "GET", f"/api/parties/{party.id}/").status_code == 200
    of_group = call(client, users, bob, "GET", url(gid, "parties/")).get_json()["results"]
    assert [p["party"]["id"] for p in of_group] == [str(party.id)]
    joined = call(client, users, bob, "POST", f"/api/parties/{party.id}/join/")
    assert joined.status_code == 200

    assert call(client, users, cat, "GET", f"{BASE}parties/").get_json()["results"] == []
    assert call(client, users, cat, "GET", "/api/parties/").get_json()["results"] == []
    assert_error(call(client, users, cat, "GET", f"/api/parties/{party.id}/"), 404)
    assert_error(call(client, users, cat, "POST", f"/api/parties/{party.id}/join/"), 404)
    assert_error(call(client, users, cat, "GET", url(gid, "parties/")), 403, "not_a_member")


def test_newcomers_are_invited_and_leavers_lose_the_invitation(client, users, parties):
    gid, party, ada, bob, cat = _setup(client, users, parties)
    _add(client, users, ada, gid, party.id)
    join(client, users, cat, gid)
    assert _invited(party.id) == {bob.id, cat.id}
    call(client, users, cat, "POST", url(gid, "leave/"))
    db.session.expire_all()
    assert _invited(party.id) == {bob.id}
    assert_error(call(client, users, cat, "GET", f"/api/parties/{party.id}/"), 404)


def test_only_a_member_hosting_an_open_party_adds_it_once(client, users, parties):
    gid, party, ada, bob, cat = _setup(client, users, parties)
    assert_error(_add(client, users, bob, gid, party.id), 403, "not_the_host")
    assert_error(_add(client, users, cat, gid, party.id), 403, "not_a_member")
    assert_error(_add(client, users, ada, gid, uuid.uuid4()), 404, "party_not_found")
    ended = parties.create(ada, status="ended")
    assert_error(_add(client, users, ada, gid, ended.id), 409, "party_ended")
    for body in ({}, {"party_id": "x"}, {"party_id": str(party.id), "more": 1}):
        answer = call(client, users, ada, "POST", url(gid, "parties/"), json=body)
        assert_error(answer, 400)
    assert db.session.query(GroupParty).count() == 0 and _invited(party.id) == set()
    assert _add(client, users, ada, gid, party.id).status_code == 201
    other = create(client, users, ada, name="Other club")["id"]
    assert_error(_add(client, users, ada, other, party.id), 409, "party_taken")
    assert db.session.query(GroupParty).count() == 1


def test_the_host_or_a_manager_stops_hosting_for_the_group(client, users, parties):
    gid, party, ada, bob, cat = _setup(client, users, parties)
    _add(client, users, ada, gid, party.id)
    path = url(gid, f"parties/{party.id}/")
    assert_error(call(client, users, bob, "DELETE", path), 403, "not_a_manager")
    assert call(client, users, ada, "DELETE", path).status_code == 200
    assert_error(call(client, users, ada, "DELETE", path), 404, "group_party_not_found")
    assert call(client, users, bob, "GET", f"{BASE}parties/").get_json()["results"] == []
