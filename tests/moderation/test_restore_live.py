"""Held-back content shown again comes back live: a chat message hidden by the report threshold
reaches every open chat as `restored` once the reports are dismissed (or resolved with no
action), and a direct message reaches the open threads of those who may read it."""

import pytest

from tests.moderation.kit import chat_room, filed, staff_post
from watchparty.site import settings as site_settings

CONVERSATIONS = "/api/messaging/conversations/"


@pytest.fixture(autouse=True)
def threshold_of_one():
    """One report hides the content."""
    site_settings.update(None, "report_threshold", 1)


def _decide(client, users, report, decision):
    moderator = users.moderator()
    if decision == "dismiss":
        path, body = f"/admin/reports/{report['id']}/dismiss/", {"reason": "banter"}
    else:
        path, body = f"/admin/reports/{report['id']}/resolve/", {"action": "no_action"}
    assert staff_post(client, users, moderator, path, body).status_code == 200


@pytest.mark.parametrize("decision", ["dismiss", "no_action"])
def test_a_hidden_chat_message_comes_back_to_open_chats_as_restored(
    client, users, parties, sockets, decision
):
    ada, bob = users.create(), users.create()
    party, _, message = chat_room(users, parties, ada, bob)
    ada_live, bob_live = sockets(ada, "/chat"), sockets(bob, "/chat")
    (shown,) = ada_live.call("join", {"party_id": str(party.id)})["messages"]
    assert bob_live.call("join", {"party_id": str(party.id)})["ok"] is True
    report = filed(client, users, ada, "chat_message", message.id)
    bob_live.wait_for("deleted")
    _decide(client, users, report, decision)
    for live in (ada_live, bob_live):
        assert live.wait_for("restored") == shown  # as `message` and the history serialize it
    assert [m["id"] for m in bob_live.call("join", {"party_id": str(party.id)})["messages"]] == [
        str(message.id)
    ]


def test_a_restored_chat_message_has_the_fields_of_a_new_one(client, users, parties, sockets):
    ada = users.create()
    party, host, message = chat_room(users, parties, ada)
    live = sockets(ada, "/chat")
    live.call("join", {"party_id": str(party.id)})
    host_live = sockets(host, "/chat")
    host_live.call("join", {"party_id": str(party.id)})
    host_live.call("send", {"party_id": str(party.id), "text": "fresh", "client_id": "c1"})
    fresh = live.wait_for("message")
    report = filed(client, users, ada, "chat_message", message.id)
    _decide(client, users, report, "dismiss")
    restored = live.wait_for("restored")
    assert set(restored) == set(fresh)
    assert (restored["id"], restored["text"]) == (str(message.id), "m0")


def test_a_removed_chat_message_is_not_restored(client, users, parties, sockets):
    ada = users.create()
    party, _, message = chat_room(users, parties, ada)
    live = sockets(ada, "/chat")
    live.call("join", {"party_id": str(party.id)})
    report = filed(client, users, ada, "chat_message", message.id)
    path = f"/admin/reports/{report['id']}/resolve/"
    staff_post(client, users, users.moderator(), path, {"action": "remove", "reason": "spam"})
    live.call("join", {"party_id": str(party.id)})  # a round trip after the decision's events
    assert live.received("restored") == []


def _conversation(client, users, starter, *others) -> str:
    body = {"participant_ids": [str(o.id) for o in others]}
    made = client.post(CONVERSATIONS, json=body, headers=users.session_headers(starter))
    assert made.status_code in (200, 201), made.get_json()
    return made.get_json()["id"]


def _say(client, users, who, conversation_id, text) -> dict:
    url = f"{CONVERSATIONS}{conversation_id}/messages/"
    sent = client.post(url, json={"text": text}, headers=users.session_headers(who))
    assert sent.status_code == 201, sent.get_json()
    return sent.get_json()


def _thread(client, users, who, conversation_id) -> list[str]:
    url = f"{CONVERSATIONS}{conversation_id}/messages/"
    page = client.get(url, headers=users.session_headers(who)).get_json()
    return [m["text"] for m in page["results"]]


@pytest.mark.parametrize("decision", ["dismiss", "no_action"])
def test_a_hidden_direct_message_comes_back_to_open_threads_as_restored(
    client, users, sockets, decision
):
    ada, bob = users.create(), users.create()
    ada_live, bob_live = sockets(ada, "/messaging"), sockets(bob, "/messaging")
    conversation_id = _conversation(client, users, bob, ada)
    _say(client, users, bob, conversation_id, "are you free tonight")
    delivered = ada_live.wait_for("message")
    report = filed(client, users, ada, "direct_message", delivered["id"])
    ada_live.wait_for("deleted")
    assert _thread(client, users, ada, conversation_id) == []
    _decide(client, users, report, decision)
    assert ada_live.wait_for("restored") == delivered  # exactly as `message` delivered it
    assert bob_live.wait_for("restored")["id"] == delivered["id"]
    assert _thread(client, users, ada, conversation_id) == ["are you free tonight"]


def test_a_restored_group_message_skips_members_who_blocked_its_sender(client, users, sockets):
    ada, bob, cy = users.create(), users.create(), users.create()
    conversation_id = _conversation(client, users, ada, bob, cy)
    blocked = client.post(
        "/api/users/block/", json={"user_id": str(bob.id)}, headers=users.session_headers(cy)
    )
    assert blocked.status_code in (200, 201), blocked.get_json()
    ada_live, cy_live = sockets(ada, "/messaging"), sockets(cy, "/messaging")
    sent = _say(client, users, bob, conversation_id, "hello group")
    report = filed(client, users, ada, "direct_message", sent["id"])
    _decide(client, users, report, "dismiss")
    assert ada_live.wait_for("restored")["id"] == sent["id"]
    cy_live.call("read", {"conversation_id": conversation_id})  # after the decision's events
    assert cy_live.received("restored") == [] and cy_live.received("message") == []
