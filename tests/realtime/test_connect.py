"""Connecting to the real-time namespaces: tokens are checked at connect."""

import pytest
import socketio

from tests.live import Socket

NAMESPACES = ["/party", "/chat", "/interactive"]


@pytest.mark.parametrize("namespace", NAMESPACES)
def test_connects_with_a_valid_access_token(sockets, users, namespace):
    socket = sockets(users.create(), namespace)
    assert socket.client.connected


@pytest.mark.parametrize("token", [None, "not-a-jwt"])
def test_refuses_a_missing_or_invalid_token(live_server, token):
    with pytest.raises(socketio.exceptions.ConnectionError):
        Socket(live_server.url, "/party", token)


def test_refuses_a_token_whose_session_was_revoked(live_server, users, client):
    user = users.create()
    tokens = users.session(user)
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.post("/api/auth/logout/", headers=headers).status_code == 200
    with pytest.raises(socketio.exceptions.ConnectionError):
        Socket(live_server.url, "/party", tokens["access_token"])
