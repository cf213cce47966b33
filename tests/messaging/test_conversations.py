"""Conversations over REST: a pair's is unique (even when both start it at once), groups,
the list with last message and unread count, read marks, detail, leaving, bad input."""

import threading
import uuid

from sqlalchemy import func, select

from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.messaging.models import Conversation, ConversationMember, DirectMessage


def _count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_pair_has_one_conversation_whoever_starts_it_and_however_often(dm):
    first = dm.start(dm.ada, dm.bob)
    assert first.status_code == 201, first.get_json()
    body = first.get_json()
    assert body["is_group"] is False
    assert {p["id"] for p in body["participants"]} == {str(dm.ada.id), str(dm.bob.id)}
    assert body["last_message"] is None and body["unread_count"] == 0
    again = dm.start(dm.ada, dm.bob).get_json()
    theirs = dm.start(dm.bob, dm.ada, initial_message="hi back").get_json()
    assert again["id"] == theirs["id"] == body["id"]
    assert theirs["last_message"]["message"] == "hi back"
    assert _count(Conversation) == 1 and _count(ConversationMember) == 2


def test_listing_yourself_among_the_participants_is_the_same_pair(dm):
    one = dm.start(dm.ada, dm.bob).get_json()
    two = dm.start(dm.ada, dm.ada, dm.bob, dm.bob).get_json()
    assert one["id"] == two["id"] and len(two["participants"]) == 2


def test_two_people_starting_their_conversation_at_once_get_the_same_row(app, users, dm):
    """Both requests pass the "none yet" check together; the pair key's unique constraint
    makes the second insert fail and return the first one's row."""
    pairs = [(users.create(), users.create()) for _ in range(6)]
    headers = {str(u.id): users.session_headers(u) for pair in pairs for u in pair}
    pairs = [(str(a.id), str(b.id)) for a, b in pairs]  # plain ids: the threads have no app context
    ids: dict[int, list] = {n: [] for n in range(len(pairs))}
    barrier = threading.Barrier(2 * len(pairs))

    def start(n, who, other):
        client = app.test_client()
        barrier.wait()
        response = client.post(
            "/api/messaging/conversations/",
            json={"participant_ids": [other]},
            headers=headers[who],
        )
        ids[n].append((response.status_code, response.get_json().get("id")))

    threads = [
        threading.Thread(target=start, args=(n, *order))
        for n, (a, b) in enumerate(pairs)
        for order in ((a, b), (b, a))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for answers in ids.values():
        assert [status for status, _ in answers] == [201, 201], answers
        assert len({conversation_id for _, conversation_id in answers}) == 1, answers
    assert _count(Conversation) == len(pairs)
    assert _count(ConversationMember) == 2 * len(pairs)


def test_a_group_has_everyone_and_each_new_group_is_its_own(dm):
    group = dm.start(dm.ada, dm.bob, dm.cy, initial_message="hello all").get_json()
    assert group["is_group"] is True and len(group["participants"]) == 3
    assert dm.start(dm.ada, dm.bob, dm.cy).get_json()["id"] != group["id"]
    for who in (dm.bob, dm.cy):
        listed = dm.get(who, "conversations/").get_json()["results"]
        mine = next(c for c in listed if c["id"] == group["id"])
        assert mine["unread_count"] == 1 and mine["last_message"]["text"] == "hello all"


def test_the_list_puts_the_latest_message_first_with_unread_counts(dm):
    with_bob = dm.start(dm.ada, dm.bob).get_json()["id"]
    with_cy = dm.start(dm.ada, dm.cy).get_json()["id"]
    dm.send(dm.bob, with_bob, message="one")
    dm.send(dm.bob, with_bob, message="two")
    dm.send(dm.cy, with_cy, message="three")
    page = dm.get(dm.ada, "conversations/").get_json()
    assert page["count"] == 2
    assert [c["id"] for c in page["results"]] == [with_cy, with_bob]
    assert [c["unread_count"] for c in page["results"]] == [1, 2]
    assert page["results"][1]["last_message"]["message"] == "two"
    assert dm.get(dm.bob, "conversations/").get_json()["results"][0]["unread_count"] == 0
    assert dm.get(dm.cy, "conversations/").get_json()["count"] == 1


def test_marking_read_clears_unread_and_shows_the_read_mark_to_the_others(client, dm):
    conversation_id = dm.start(dm.ada, dm.bob).get_json()["id"]
    first = dm.send(dm.ada, conversation_id, message="first").get_json()
    dm.send(dm.ada, conversation_id, message="second")
    url = f"/api/messaging/conversations/{conversation_id}/read/"
    partly = client.post(url, json={"message_id": first["id"]}, headers=dm.h[dm.bob])
    assert partly.status_code == 200 and partly.get_json()["unread_count"] == 1
    fully = client.post(url, json={}, headers=dm.h[dm.bob]).get_json()
    assert fully["unread_count"] == 0 and fully["user_id"] == str(dm.bob.id)
    # An older mark does not move it back.
    assert (
        client.post(url, json={"message_id": first["id"]}, headers=dm.h[dm.bob]).get_json()[
            "unread_count"
        ]
        == 0
    )
    seen = dm.get(dm.ada, f"conversations/{conversation_id}/").get_json()
    bob = next(p for p in seen["participants"] if p["id"] == str(dm.bob.id))
    assert bob["last_read_at"] == fully["last_read_at"] is not None


def test_only_participants_see_or_touch_a_conversation(client, dm):
    conversation_id = dm.start(dm.ada, dm.bob, initial_message="private").get_json()["id"]
    base = f"/api/messaging/conversations/{conversation_id}/"
    headers = dm.h[dm.cy]
    for response in (
        client.get(base, headers=headers),
        client.get(base + "messages/", headers=headers),
        client.post(base + "messages/", json={"message": "let me in"}, headers=headers),
        client.post(base + "read/", json={}, headers=headers),
        client.post(base + "leave/", headers=headers),
    ):
        assert_error(response, 404, "conversation_not_found")
    assert _count(DirectMessage) == 1
    unknown = f"/api/messaging/conversations/{uuid.uuid4()}/"
    assert_error(client.get(unknown, headers=dm.h[dm.ada]), 404, "conversation_not_found")
    assert client.get(base).status_code == 401


def test_leaving_a_group_removes_you_and_the_last_one_out_deletes_it(client, dm):
    group = dm.start(dm.ada, dm.bob, dm.cy).get_json()["id"]
    leave = f"/api/messaging/conversations/{group}/leave/"
    assert client.post(leave, headers=dm.h[dm.cy]).status_code == 200
    assert_error(dm.get(dm.cy, f"conversations/{group}/"), 404)
    assert len(dm.get(dm.ada, f"conversations/{group}/").get_json()["participants"]) == 2
    client.post(leave, headers=dm.h[dm.ada])
    client.post(leave, headers=dm.h[dm.bob])
    assert _count(Conversation) == 0 and _count(ConversationMember) == 0


def test_a_pair_conversation_cannot_be_left(client, dm):
    pair = dm.start(dm.ada, dm.bob).get_json()["id"]
    answer = client.post(f"/api/messaging/conversations/{pair}/leave/", headers=dm.h[dm.ada])
    assert_error(answer, 409, "not_a_group")
    assert _count(ConversationMember) == 2


def test_bad_conversation_bodies_are_refused_and_create_nothing(client, dm):
    url = "/api/messaging/conversations/"
    headers = dm.h[dm.ada]
    assert_error(dm.start(dm.ada, dm.ada), 400, "self_conversation")
    unknown = client.post(url, json={"participant_ids": [str(uuid.uuid4())]}, headers=headers)
    assert_error(unknown, 404, "user_not_found")
    for body in (
        {},
        {"participant_ids": []},
        {"participant_ids": ["not-a-uuid"]},
        {"participant_ids": str(dm.bob.id)},
        {"participant_ids": [str(uuid.uuid4()) for _ in range(51)]},
        {"participant_ids": [str(dm.bob.id)], "initial_message": "x" * 2001},
        {"participant_ids": [str(dm.bob.id)], "initial_message": ""},
    ):
        assert_error(client.post(url, json=body, headers=headers), 400, "validation_error")
    blank = dm.start(dm.ada, dm.bob, initial_message="   ")
    assert_error(blank, 400, "validation_error")
    assert _count(Conversation) == 0 and _count(DirectMessage) == 0


def test_the_list_pages(dm):
    for other in (dm.bob, dm.cy):
        dm.start(dm.ada, other)
    page = dm.get(dm.ada, "conversations/?page_size=1&page=2").get_json()
    assert page["count"] == 2 and len(page["results"]) == 1 and page["total_pages"] == 2
    assert_error(dm.get(dm.ada, "conversations/?page=0"), 400, "validation_error")
