"""Reading a user's notifications the way a client does: through GET /api/notifications/."""

BASE = "/api/notifications/"


def inbox(client, users, user, **query) -> dict:
    """The user's notification page (query: type, read, page_size...)."""
    response = client.get(BASE, query_string=query, headers=users.session_headers(user))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def of_type(client, users, user, kind: str) -> list[dict]:
    """The user's notifications of one kind, the latest first."""
    return inbox(client, users, user, type=kind)["results"]


def only(client, users, user, kind: str) -> dict:
    """The user's one notification of `kind` (fails when there are none or several)."""
    found = of_type(client, users, user, kind)
    assert len(found) == 1, found
    return found[0]


def befriend(client, users, a, b) -> None:
    """Make `a` and `b` friends through the friends API."""
    asked = client.post(f"/api/users/{b.id}/friend-request/", headers=users.session_headers(a))
    request = asked.get_json()["request"]
    accept = f"/api/users/friends/{request['id']}/accept/"
    assert client.post(accept, headers=users.session_headers(b)).status_code == 200


def block(client, users, who, target) -> None:
    """`who` blocks `target` through the friends API."""
    body = {"user_id": str(target.id)}
    response = client.post("/api/users/block/", json=body, headers=users.session_headers(who))
    assert response.status_code in (200, 201), response.get_json()
