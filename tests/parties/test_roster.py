"""The join snapshot's member list, built from rows, is exactly ParticipantSchema's output."""

import uuid

from watchparty.extensions import db
from watchparty.live import presence
from watchparty.parties import membership, roster
from watchparty.parties.access import member
from watchparty.parties.models import MODERATOR
from watchparty.parties.schemas import active_rows, dump_members


def test_snapshot_roster_matches_the_participant_schema(users, parties):
    host = users.create(first_name="Hana", last_name="Host", avatar="https://cdn.example/h.png")
    party = parties.create(host, visibility="public")
    named = users.create(first_name="", last_name="", display_name="Shadow", avatar="av/x.png")
    anonymous = users.create(first_name="", last_name="", email="plain@example.com")
    moderator = users.create(first_name="Mo", last_name="")
    for user in (named, anonymous, moderator):
        membership.join(party, user.id)
    member(party.id, moderator.id).role = MODERATOR
    db.session.commit()
    presence.join(party.id, "sid-1", named.id, drift_ms=12.5)
    presence.join(party.id, "sid-2", host.id)
    online = presence.online_users(party.id)

    fast = roster.members(party.id, online)

    assert fast == dump_members(active_rows(party.id), party.id, online)
    assert [m["role"] for m in fast] == ["host", "moderator", "participant", "participant"]
    by_id = {uuid.UUID(m["user"]["id"]): m for m in fast}
    assert by_id[named.id]["drift_ms"] == 12.5 and by_id[named.id]["is_online"] is True
    assert by_id[anonymous.id]["user"]["name"] == "plain"
    assert by_id[named.id]["user"]["avatar"].endswith("av/x.png")
