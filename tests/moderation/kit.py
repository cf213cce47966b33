"""Filing reports and reading the queue the way clients do, for the moderation tests."""

from tests.factories import chat_messages

BASE = "/api/moderation"


def report(client, users, who, content_type, content_id, reason="spam", **extra):
    """POST a report as `who`; the response."""
    body = {"content_type": content_type, "content_id": str(content_id), "reason": reason}
    return client.post(f"{BASE}/reports/", json=body | extra, headers=users.session_headers(who))


def filed(client, users, who, content_type, content_id, reason="spam") -> dict:
    """A report that must be accepted; its body."""
    response = report(client, users, who, content_type, content_id, reason)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def staff_get(client, users, staff, path, **query) -> dict:
    """GET a staff path that must answer 200; its body."""
    response = client.get(f"{BASE}{path}", query_string=query, headers=users.session_headers(staff))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def staff_post(client, users, staff, path, body=None):
    """POST to a staff path as `staff`; the response."""
    return client.post(f"{BASE}{path}", json=body or {}, headers=users.session_headers(staff))


def chat_room(users, parties, *members):
    """A party whose host said one chat message; (party, host, message), `members` joined."""
    host = users.create(first_name="Host")
    party = parties.create(host, visibility="public")
    for member in members:
        parties.add(party, member)
    (message,) = chat_messages(party, host, 1)
    return party, host, message


def chat_texts(client, users, who, party) -> list[str]:
    """The chat history texts `who` reads over REST."""
    response = client.get(f"/api/chat/{party.id}/messages/", headers=users.session_headers(who))
    assert response.status_code == 200, response.get_json()
    return [m["text"] for m in response.get_json()["results"]]
