"""Polls: hosts and moderators run them, members vote once, and they close by themselves."""

import uuid
from datetime import timedelta

from tests.helpers import assert_error
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.interactive.models import Poll
from watchparty.parties.models import PUBLIC

QUESTION = {"question": "What next?", "options": ["Alien", "Heat", "Up"], "duration": 300}


def create(client, crowd, user=None, **body):
    """Create a poll over REST as `user` (the host by default)."""
    user = user or crowd.host
    return client.post(
        crowd.url("polls/create/"), json={**QUESTION, **body}, headers=crowd.headers[user.id]
    )


def test_moderator_creates_a_poll_over_socket_and_the_party_sees_it(crowd, joined):
    watcher = joined(crowd.member, crowd.party)
    mod = joined(crowd.mod, crowd.party)
    ack = mod.call("poll_create", {"party_id": str(crowd.party.id), **QUESTION})
    assert ack["ok"] is True, ack
    poll = watcher.wait_for("poll")
    assert poll["id"] == ack["poll"]["id"] and poll["question"] == "What next?"
    assert [o["text"] for o in poll["options"]] == ["Alien", "Heat", "Up"]
    assert [o["votes"] for o in poll["options"]] == [0, 0, 0]
    assert poll["total_votes"] == 0 and poll["closed"] is False
    assert poll["ends_at"].endswith("Z") and poll["party_id"] == str(crowd.party.id)
    assert ack["poll"]["my_vote"] is None
    rejoined = joined(crowd.member, crowd.party)
    assert [p["id"] for p in rejoined.call("join", {"party_id": str(crowd.party.id)})["polls"]] == [
        poll["id"]
    ]


def test_participant_cannot_create_or_close_polls(client, crowd, sockets):
    assert_error(create(client, crowd, crowd.member), 403, "not_a_moderator")
    assert_error(create(client, crowd, crowd.outsider), 403, "not_a_participant")
    ack = sockets(crowd.member, "/interactive").call(
        "poll_create", {"party_id": str(crowd.party.id), **QUESTION}
    )
    assert ack["ok"] is False and ack["error"] == "not_a_moderator"
    poll_id = create(client, crowd).get_json()["id"]
    closing = client.post(
        crowd.url(f"polls/{poll_id}/close/"), headers=crowd.headers[crowd.member.id]
    )
    assert_error(closing, 403, "not_a_moderator")


BAD_POLLS = [
    {"options": ["Only one"]},
    {"options": [f"Option {i}" for i in range(11)]},
    {"options": ["Same", "same "]},
    {"options": ["Fine", "  "]},
    {"options": "Alien, Heat"},
    {"options": ["Fine", 3]},
    {"options": None},
    {"question": "   "},
    {"question": "x" * 501},
    {"question": 42},
    {"duration": 5},
    {"duration": 86401},
    {"duration": "long"},
]


def test_rejects_a_bad_poll(client, crowd, sockets):
    socket = sockets(crowd.host, "/interactive")
    for body in BAD_POLLS:
        field = next(iter(body))
        errors = assert_error(create(client, crowd, **body), 400, "validation_error")["errors"]
        assert field in errors, body
        ack = socket.call("poll_create", {"party_id": str(crowd.party.id), **QUESTION, **body})
        assert ack["ok"] is False and field in ack["errors"], (body, ack)
    listed = client.get(crowd.url("polls/"), headers=crowd.headers[crowd.host.id]).get_json()
    assert listed["count"] == 0


def test_accepts_two_to_ten_options(client, crowd):
    assert create(client, crowd, options=["Yes", "No"]).status_code == 201
    ten = create(client, crowd, options=[f"Option {i}" for i in range(10)])
    assert ten.status_code == 201 and len(ten.get_json()["options"]) == 10


def test_votes_are_broadcast_with_counts(client, crowd, joined):
    watcher = joined(crowd.host, crowd.party)
    poll = create(client, crowd).get_json()
    heat = poll["options"][1]["id"]
    voter = joined(crowd.member, crowd.party)
    ack = voter.call("vote", {"poll_id": poll["id"], "option_id": heat})
    assert ack["ok"] is True, ack
    assert ack["poll"]["my_vote"] == heat and ack["poll"]["total_votes"] == 1
    seen = watcher.wait_for("poll", lambda p: p["total_votes"] == 1)
    assert [o["votes"] for o in seen["options"]] == [0, 1, 0]
    rest = client.post(
        crowd.url(f"polls/{poll['id']}/vote/"),
        json={"option_id": heat},
        headers=crowd.headers[crowd.mod.id],
    )
    assert rest.status_code == 200, rest.get_json()
    seen = watcher.wait_for("poll", lambda p: p["total_votes"] == 2)
    assert [o["votes"] for o in seen["options"]] == [0, 2, 0]
    detail = client.get(crowd.url(f"polls/{poll['id']}/"), headers=crowd.headers[crowd.member.id])
    assert detail.get_json()["my_vote"] == heat


def test_second_vote_is_409_already_voted(client, crowd, sockets):
    poll = create(client, crowd).get_json()
    url, headers = crowd.url(f"polls/{poll['id']}/vote/"), crowd.headers[crowd.member.id]
    assert (
        client.post(url, json={"option_id": poll["options"][0]["id"]}, headers=headers).status_code
        == 200
    )
    again = client.post(url, json={"option_id": poll["options"][2]["id"]}, headers=headers)
    assert_error(again, 409, "already_voted")
    ack = sockets(crowd.member, "/interactive").call(
        "vote", {"poll_id": poll["id"], "option_id": poll["options"][1]["id"]}
    )
    assert ack["ok"] is False and ack["error"] == "already_voted"
    counts = client.get(crowd.url(f"polls/{poll['id']}/"), headers=headers).get_json()
    assert [o["votes"] for o in counts["options"]] == [1, 0, 0]


def test_vote_needs_membership_and_a_real_option(client, crowd, parties):
    poll = create(client, crowd).get_json()
    url = crowd.url(f"polls/{poll['id']}/vote/")
    option = {"option_id": poll["options"][0]["id"]}
    assert_error(client.post(url, json=option, headers=crowd.headers[crowd.outsider.id]), 403)
    stranger = {"option_id": "00000000-0000-4000-8000-000000000000"}
    assert_error(client.post(url, json=stranger, headers=crowd.headers[crowd.member.id]), 404)
    assert_error(
        client.post(url, json={"option_id": 5}, headers=crowd.headers[crowd.member.id]), 400
    )
    other = parties.create(crowd.outsider, visibility=PUBLIC)
    elsewhere = f"/api/interactive/parties/{other.id}/polls/{poll['id']}/vote/"
    assert_error(client.post(elsewhere, json=option, headers=crowd.headers[crowd.outsider.id]), 404)


def test_closed_poll_rejects_votes_and_is_listed_closed(client, crowd, joined):
    watcher = joined(crowd.member, crowd.party)
    poll = create(client, crowd).get_json()
    ack = joined(crowd.mod, crowd.party).call("poll_close", {"poll_id": poll["id"]})
    assert ack["ok"] is True and ack["poll"]["closed"] is True
    assert watcher.wait_for("poll", lambda p: p["closed"])["id"] == poll["id"]
    vote = client.post(
        crowd.url(f"polls/{poll['id']}/vote/"),
        json={"option_id": poll["options"][0]["id"]},
        headers=crowd.headers[crowd.member.id],
    )
    assert_error(vote, 409, "poll_closed")
    headers = crowd.headers[crowd.member.id]
    still_open = create(client, crowd, question="Snacks?").get_json()
    by_status = {
        status: [
            p["id"]
            for p in client.get(crowd.url(f"polls/?status={status}"), headers=headers).get_json()[
                "results"
            ]
        ]
        for status in ("open", "closed", "all")
    }
    assert by_status == {
        "open": [still_open["id"]],
        "closed": [poll["id"]],
        "all": [still_open["id"], poll["id"]],
    }
    assert_error(client.get(crowd.url("polls/?status=maybe"), headers=headers), 400)


def test_poll_closes_by_itself_when_its_time_runs_out(client, crowd, joined, app, monkeypatch):
    monkeypatch.setitem(app.config, "POLL_MIN_DURATION", 1)
    watcher = joined(crowd.member, crowd.party)
    poll = create(client, crowd, duration=1).get_json()
    closed = watcher.wait_for("poll", lambda p: p["id"] == poll["id"] and p["closed"], timeout=5)
    assert closed["closed_at"] is not None
    vote = client.post(
        crowd.url(f"polls/{poll['id']}/vote/"),
        json={"option_id": poll["options"][0]["id"]},
        headers=crowd.headers[crowd.member.id],
    )
    assert_error(vote, 409, "poll_closed")
    assert len(watcher.received("poll")) == 2  # the opening, then exactly one closing


def test_overdue_poll_is_closed_even_without_its_timer(client, crowd, joined):
    # A poll whose process died before its timer fired: only ends_at says it is over.
    poll = create(client, crowd).get_json()
    row = db.session.get(Poll, uuid.UUID(poll["id"]))
    row.ends_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    watcher = joined(crowd.host, crowd.party)
    assert watcher.call("join", {"party_id": str(crowd.party.id)})["polls"] == []
    headers = crowd.headers[crowd.member.id]
    vote = client.post(
        crowd.url(f"polls/{poll['id']}/vote/"),
        json={"option_id": poll["options"][0]["id"]},
        headers=headers,
    )
    assert_error(vote, 409, "poll_closed")
    assert watcher.wait_for("poll", lambda p: p["id"] == poll["id"])["closed"] is True
    listed = client.get(crowd.url("polls/"), headers=headers).get_json()["results"]
    assert listed[0]["closed"] is True and listed[0]["closed_at"] is not None
