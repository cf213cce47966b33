"""Messaging fixtures: three people with headers, and a helper to start conversations."""

from types import SimpleNamespace

import pytest

from tests.factories import person


@pytest.fixture
def dm(client, users):
    """Ada, Bob and Cy (with their headers) and `start(who, *others, **body)` over REST."""
    ada, bob, cy = (person(name) for name in ("Ada", "Bob", "Cy"))
    headers = {u: users.session_headers(u) for u in (ada, bob, cy)}

    def start(who, *others, **body):
        body = {"participant_ids": [str(o.id) for o in others], **body}
        return client.post("/api/messaging/conversations/", json=body, headers=headers[who])

    def send(who, conversation_id, **body):
        url = f"/api/messaging/conversations/{conversation_id}/messages/"
        return client.post(url, json=body, headers=headers[who])

    def get(who, path):
        return client.get(f"/api/messaging/{path}", headers=headers[who])

    return SimpleNamespace(ada=ada, bob=bob, cy=cy, h=headers, start=start, send=send, get=get)
