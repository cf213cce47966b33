"""Joining a party chat that already holds messages returns them (issue 12, item 9)."""


def test_second_member_joins_a_chat_with_history_and_gets_the_messages(client, chat):
    sent = client.post(
        f"/api/chat/{chat.pid}/messages/send/",
        json={"text": "hello there"},
        headers=chat.headers[chat.member],
    )
    assert sent.status_code == 201, sent.get_json()
    response = client.post(f"/api/chat/{chat.pid}/join/", headers=chat.headers[chat.mod])
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["success"] is True and body["party_id"] == chat.pid
    [message] = body["messages"]
    assert message["id"] == sent.get_json()["id"]
    assert message["text"] == message["message"] == "hello there"
    assert message["user"]["id"] == str(chat.member.id) and message["user"]["username"]
    assert message["timestamp"] == message["created_at"]
    assert "reply_to" in message and message["reply_to"] is None
