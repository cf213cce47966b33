"""Parties raise notifications: each invitee hears of an invitation (not across a block), the
first play of a public party tells the host's friends, and members of a scheduled party are
reminded once that it starts soon (`flask parties remind`)."""

from datetime import timedelta

from tests.notifications.producer_kit import befriend, block, of_type, only
from tests.realtime.partykit import Parties, control
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.parties import reminders
from watchparty.parties.models import PUBLIC, Party


def test_each_invitee_hears_of_the_invitation_but_not_across_a_block(client, users, parties):
    host = users.create(first_name="Hana", last_name="Host")
    ada, bob, troll = users.create(), users.create(), users.create()
    block(client, users, troll, host)
    party = parties.create(host, title="Film club")
    body = {"user_ids": [str(ada.id), str(bob.id), str(troll.id)], "message": "Come!"}
    sent = client.post(
        f"/api/parties/{party.id}/invite/", json=body, headers=users.session_headers(host)
    ).get_json()
    assert sent["skipped"] == [str(troll.id)]
    for invitee in (ada, bob):
        item = only(client, users, invitee, "party_invitation")
        assert item["title"] == "Party invitation"
        assert item["message"] == "Hana Host invited you to “Film club”"
        assert item["data"]["party_id"] == str(party.id)
        assert item["data"]["inviter_id"] == str(host.id)
    assert of_type(client, users, troll, "party_invitation") == []
    assert of_type(client, users, host, "party_invitation") == []


def test_the_first_play_of_a_public_party_tells_the_hosts_friends(client, users, sockets, run_jobs):
    kit = Parties(users, sockets)
    host, friend = users.create(first_name="Hana"), users.create()
    befriend(client, users, host, friend)
    party = kit.create(host, visibility=PUBLIC, title="Live now")
    socket = kit.host(party)
    control(socket, party, "play", position=0.0)
    control(socket, party, "pause")
    control(socket, party, "play", position=1.0)  # playing again is not a new start
    run_jobs()
    item = only(client, users, friend, "friend_party_started")
    assert item["count"] == 1 and item["data"]["party_id"] == str(party.id)
    assert db.session.get(Party, party.id).started_at is not None


def _scheduled(parties, host, minutes: float, **fields) -> Party:
    start = utcnow() + timedelta(minutes=minutes)
    return parties.create(host, scheduled_start=start, **fields)


def test_members_of_a_party_starting_soon_are_reminded_once(app, client, users, parties):
    host, member, outsider = users.create(), users.create(), users.create()
    soon = _scheduled(parties, host, 10, title="Premiere")
    parties.add(soon, member)
    later = _scheduled(parties, host, 120, title="Much later")
    parties.add(later, outsider)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["parties", "remind", "--within", "15"])
    assert first.exit_code == 0 and "1 party reminded" in first.output
    again = runner.invoke(args=["parties", "remind", "--within", "15"])
    assert "0 parties reminded" in again.output
    for user in (host, member):
        item = only(client, users, user, "party_starting")
        assert item["count"] == 1 and item["message"].startswith("“Premiere” starts in ")
        assert item["data"]["party_id"] == str(soon.id)
    assert of_type(client, users, outsider, "party_starting") == []


def test_a_party_moved_to_a_new_time_is_reminded_again(client, users, parties):
    host = users.create()
    party = _scheduled(parties, host, 5)
    assert reminders.send_due(15) == 1
    client.post("/api/notifications/mark-all-read/", headers=users.session_headers(host))
    party.scheduled_start = utcnow() + timedelta(minutes=8)
    db.session.commit()
    assert reminders.send_due(15) == 1
    assert len(of_type(client, users, host, "party_starting")) == 2


def test_started_ended_and_deleted_parties_are_not_reminded(users, parties):
    host = users.create()
    _scheduled(parties, host, 5, status="live")
    _scheduled(parties, host, 5, status="ended")
    gone = _scheduled(parties, host, 5)
    gone.deleted_at = utcnow()
    db.session.commit()
    assert reminders.send_due(15) == 0
