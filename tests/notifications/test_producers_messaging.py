"""Direct messages raise `new_message` for recipients with no live /messaging connection (an
open messaging page hears the message itself); unread ones collapse per conversation."""

from tests.factories import person
from tests.notifications.producer_kit import inbox, of_type, only
from tests.realtime.partykit import until
from watchparty.common.realtime import MESSAGING_NS
from watchparty.live import online

BASE = "/api/messaging/conversations/"


def _pair(client, users):
    ada, bob = person("Ada"), person("Bob")
    body = {"participant_ids": [str(bob.id)]}
    created = client.post(BASE, json=body, headers=users.session_headers(ada))
    assert created.status_code == 201, created.get_json()
    return ada, bob, created.get_json()["id"]


def _send(client, users, who, conversation_id, text: str) -> dict:
    url = f"{BASE}{conversation_id}/messages/"
    response = client.post(url, json={"message": text}, headers=users.session_headers(who))
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_a_message_to_someone_offline_notifies_them_and_collapses(client, users):
    ada, bob, conversation_id = _pair(client, users)
    first = _send(client, users, ada, conversation_id, "Are you coming tonight?")
    item = only(client, users, bob, "new_message")
    assert item["title"] == "New message from Ada"
    assert item["message"] == "Ada: Are you coming tonight?"
    assert item["data"] == {
        "conversation_id": conversation_id,
        "message_id": first["id"],
        "sender_id": str(ada.id),
    }
    for text in ("Hello?", "Bob!"):
        _send(client, users, ada, conversation_id, text)
    item = only(client, users, bob, "new_message")
    assert item["count"] == 3 and item["message"] == "3 new messages from Ada"
    assert inbox(client, users, ada)["count"] == 0  # the sender hears nothing


def test_someone_with_messaging_open_is_not_notified(client, users, sockets):
    ada, bob, conversation_id = _pair(client, users)
    socket = sockets(bob, "/messaging")
    _send(client, users, ada, conversation_id, "You are here")
    assert socket.wait_for("message")["text"] == "You are here"
    assert of_type(client, users, bob, "new_message") == []
    socket.client.disconnect()
    until(lambda: not online.connected_on(bob.id, MESSAGING_NS))
    _send(client, users, ada, conversation_id, "And now you left")
    assert only(client, users, bob, "new_message")["message"] == "Ada: And now you left"


def test_a_group_conversation_collapses_without_naming_one_sender(client, users):
    ada, bob, cy = person("Ada"), person("Bob"), person("Cy")
    body = {"participant_ids": [str(bob.id), str(cy.id)]}
    created = client.post(BASE, json=body, headers=users.session_headers(ada))
    conversation_id = created.get_json()["id"]
    _send(client, users, ada, conversation_id, "Hi both")
    _send(client, users, bob, conversation_id, "Hi Ada")
    item = only(client, users, cy, "new_message")
    assert item["count"] == 2 and item["message"] == "2 new messages in a group conversation"
    assert only(client, users, ada, "new_message")["message"] == "Bob: Hi Ada"
