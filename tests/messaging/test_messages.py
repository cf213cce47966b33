"""Messages over REST: order and paging, client_id dedupe, party invites and video shares
(only what the sender may see), blocks, rate limits, bad input, account deletion."""

import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.helpers import assert_error
from tests.videos.factories import make_video
from watchparty.extensions import db
from watchparty.messaging.models import Conversation, ConversationMember, DirectMessage
from watchparty.parties.models import PUBLIC
from watchparty.videos.models import PRIVATE


def _stored() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(DirectMessage))


@pytest.fixture
def pair(dm):
    """Ada and Bob's conversation id."""
    return dm.start(dm.ada, dm.bob).get_json()["id"]


def test_messages_come_newest_first_and_page_before_and_after(dm, pair):
    sent = [
        dm.send(dm.ada if n % 2 else dm.bob, pair, message=f"m{n}").get_json() for n in range(5)
    ]
    assert all(m["conversation_id"] == pair for m in sent)
    page = dm.get(dm.ada, f"conversations/{pair}/messages/").get_json()
    assert [m["text"] for m in page["results"]] == ["m4", "m3", "m2", "m1", "m0"]
    assert page["results"][0]["sender"]["id"] == str(dm.bob.id)
    before = dm.get(dm.ada, f"conversations/{pair}/messages/?before={sent[2]['id']}").get_json()
    assert [m["text"] for m in before["results"]] == ["m1", "m0"]
    after = dm.get(dm.bob, f"conversations/{pair}/messages/?after={sent[2]['id']}").get_json()
    assert [m["text"] for m in after["results"]] == ["m4", "m3"]
    at = sent[3]["created_at"]
    by_time = dm.get(dm.ada, f"conversations/{pair}/messages/?before={at}&page_size=1").get_json()
    assert [m["text"] for m in by_time["results"]] == ["m2"] and by_time["count"] == 3


def test_bad_paging_bounds_are_refused(dm, pair):
    assert_error(dm.get(dm.ada, f"conversations/{pair}/messages/?before=soon"), 400)
    other = dm.start(dm.ada, dm.cy).get_json()["id"]
    elsewhere = dm.send(dm.ada, other, message="x").get_json()["id"]
    not_here = dm.get(dm.ada, f"conversations/{pair}/messages/?after={elsewhere}")
    assert_error(not_here, 404, "message_not_found")


def test_a_repeated_client_id_returns_the_stored_message(dm, pair):
    first = dm.send(dm.ada, pair, message="once", client_id="c-1")
    again = dm.send(dm.ada, pair, message="once", client_id="c-1")
    assert first.status_code == again.status_code == 201
    assert first.get_json()["id"] == again.get_json()["id"]
    # The same client_id from someone else is their own message.
    assert (
        dm.send(dm.bob, pair, message="mine", client_id="c-1").get_json()["id"]
        != (first.get_json()["id"])
    )
    assert _stored() == 2


@pytest.mark.parametrize(
    "body",
    [
        {"message": "x" * 2001},
        {"text": "x" * 2001},
        {"message": ""},
        {"message": "   "},
        {},
        {"message": "hi", "message_type": "sticker"},
        {"message": "hi", "message_type": 3},
        {"message": "hi", "party_id": "00000000-0000-0000-0000-000000000000"},
        {"message_type": "party_invite"},
        {"message_type": "video_share", "party_id": "00000000-0000-0000-0000-000000000000"},
        {"message": "hi", "client_id": "x" * 65},
        {"message": ["not", "text"]},
    ],
)
def test_bad_message_bodies_are_refused_and_store_nothing(dm, pair, body):
    assert_error(dm.send(dm.ada, pair, **body), 400, "validation_error")
    assert _stored() == 0


def test_the_longest_message_fits(dm, pair):
    assert dm.send(dm.ada, pair, message="x" * 2000).status_code == 201


def test_a_party_invite_links_a_party_the_sender_can_see_with_its_title(dm, pair, parties):
    party = parties.create(dm.cy, title="Friday film", visibility=PUBLIC)
    sent = dm.send(dm.ada, pair, message_type="party_invite", party_id=str(party.id))
    assert sent.status_code == 201, sent.get_json()
    body = sent.get_json()
    assert body["message_type"] == "party_invite" and body["text"] == ""
    assert body["party"] == {"id": str(party.id), "title": "Friday film"}
    listed = dm.get(dm.bob, f"conversations/{pair}/messages/").get_json()["results"]
    assert listed[0]["party"]["title"] == "Friday film" and listed[0]["video"] is None


def test_a_party_invite_to_a_party_the_sender_cannot_see_is_404_and_stores_nothing(
    dm, pair, parties
):
    private = parties.create(dm.cy, title="Secret")
    answer = dm.send(dm.ada, pair, message_type="party_invite", party_id=str(private.id))
    assert_error(answer, 404, "party_not_found")
    ghost = "6f1c1a52-4f0e-4a55-9d64-9b1b8a1c0e11"
    assert_error(dm.send(dm.ada, pair, message_type="party_invite", party_id=ghost), 404)
    assert _stored() == 0


def test_a_video_share_needs_a_video_the_sender_can_see(dm, pair):
    public = make_video(dm.cy, title="Cat video")
    shared = dm.send(
        dm.ada, pair, message="look", message_type="video_share", video_id=str(public.id)
    )
    assert shared.status_code == 201
    assert shared.get_json()["video"] == {"id": str(public.id), "title": "Cat video"}
    hidden = make_video(dm.cy, title="Mine only", visibility=PRIVATE)
    refused = dm.send(dm.ada, pair, message_type="video_share", video_id=str(hidden.id))
    assert_error(refused, 404)
    assert _stored() == 1


def _block(client, dm, who, target):
    response = client.post("/api/users/block/", json={"user_id": str(target.id)}, headers=dm.h[who])
    assert response.status_code == 200


def test_a_block_stops_new_conversations_and_messages_both_ways(client, dm, pair):
    dm.send(dm.bob, pair, message="before the block")
    _block(client, dm, dm.ada, dm.bob)
    for sender, target in ((dm.ada, dm.bob), (dm.bob, dm.ada)):
        assert_error(dm.send(sender, pair, message="hello?"), 403, "blocked")
        assert_error(dm.start(sender, target, initial_message="hi"), 403, "blocked")
    assert _stored() == 1
    # What was said before stays readable.
    history = dm.get(dm.ada, f"conversations/{pair}/messages/").get_json()
    assert [m["text"] for m in history["results"]] == ["before the block"]


def test_a_blocked_persons_group_messages_are_hidden_from_the_blocker(client, dm):
    group = dm.start(dm.cy, dm.ada, dm.bob).get_json()["id"]
    _block(client, dm, dm.ada, dm.bob)
    assert_error(dm.start(dm.ada, dm.bob, dm.cy), 403, "blocked")
    dm.send(dm.bob, group, message="from bob")
    dm.send(dm.cy, group, message="from cy")
    seen = dm.get(dm.ada, f"conversations/{group}/messages/").get_json()["results"]
    assert [m["text"] for m in seen] == ["from cy"]
    listed = dm.get(dm.ada, "conversations/").get_json()["results"][0]
    assert listed["unread_count"] == 1
    theirs = dm.get(dm.cy, f"conversations/{group}/messages/").get_json()["results"]
    assert [m["text"] for m in theirs] == ["from cy", "from bob"]


def test_sending_too_fast_is_rate_limited_like_chat(app, monkeypatch, dm, pair):
    monkeypatch.setitem(app.config, "CHAT_FLOOD_BURST", 3)
    monkeypatch.setitem(app.config, "CHAT_FLOOD_RATE", 0.01)
    for n in range(3):
        assert dm.send(dm.ada, pair, message=f"m{n}").status_code == 201
    limited = dm.send(dm.ada, pair, message="one too many")
    assert_error(limited, 429, "rate_limited")
    assert limited.headers["Retry-After"]
    assert _stored() == 3


def test_a_deleted_account_leaves_its_conversations_and_its_messages_lose_their_author(
    client, dm, pair
):
    dm.send(dm.bob, pair, message="bye")
    group = dm.start(dm.bob, dm.ada, dm.cy, initial_message="group hi").get_json()["id"]
    alone = dm.start(dm.bob, dm.ada, dm.cy, initial_message="soon only me").get_json()["id"]
    for who in (dm.ada, dm.cy):
        client.post(f"/api/messaging/conversations/{alone}/leave/", headers=dm.h[who])
    gone = client.delete(
        "/api/users/delete-account/", json={"confirmation": "DELETE"}, headers=dm.h[dm.bob]
    )
    assert gone.status_code == 200, gone.get_json()
    db.session.expire_all()
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(ConversationMember)
            .where(ConversationMember.user_id == dm.bob.id)
        )
        == 0
    )
    history = dm.get(dm.ada, f"conversations/{pair}/messages/").get_json()["results"]
    assert [(m["text"], m["sender"]) for m in history] == [("bye", None)]
    assert_error(dm.send(dm.ada, pair, message="hello?"), 403, "recipient_gone")
    assert dm.send(dm.ada, group, message="still here").status_code == 201
    assert len(dm.get(dm.cy, f"conversations/{group}/").get_json()["participants"]) == 2
    assert db.session.get(Conversation, uuid.UUID(alone)) is None
    assert _stored() == 3  # bye, group hi, still here: the empty conversation's went with it


def test_an_after_bound_later_than_every_message_gives_an_empty_page(dm, pair):
    sent = dm.send(dm.ada, pair, message="now").get_json()
    later = datetime.fromisoformat(sent["created_at"]) + timedelta(seconds=1)
    after = dm.get(dm.ada, f"conversations/{pair}/messages/?after={later:%Y-%m-%dT%H:%M:%SZ}")
    assert after.status_code == 200 and after.get_json()["results"] == []
