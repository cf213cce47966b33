"""A revoked session stops working on sockets too: logout, session revocation, password change,
suspension and account deletion close that session's sockets on every namespace within a
second, and an event sent on a revoked session is refused even before the close lands."""

import pytest
import socketio
from flask_jwt_extended import create_access_token, create_refresh_token

from tests.factories import PASSWORD
from watchparty.live import session_sockets

NAMESPACES = ("/party", "/chat", "/interactive")


@pytest.fixture
def signed_in(users, sockets, parties):
    """A member of a party with one session and a socket on every namespace, joined."""
    party = parties.create()
    user = parties.add(party, users.create())
    tokens = users.session(user)
    opened = {ns: sockets(user, ns, tokens["access_token"]) for ns in NAMESPACES}
    for namespace, socket in opened.items():
        ack = socket.call("join", {"party_id": str(party.id)})
        assert ack["ok"] is True, (namespace, ack)
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    return user, tokens, bearer, opened, party


def test_logout_closes_the_sessions_sockets_on_every_namespace_within_a_second(client, signed_in):
    _, tokens, bearer, opened, _ = signed_in
    body = {"refresh_token": tokens["refresh_token"]}
    assert client.post("/api/auth/logout/", json=body, headers=bearer).status_code == 200
    for namespace, socket in opened.items():
        assert socket.closed_by_server(1.0), namespace


def test_revoking_a_session_from_another_closes_only_its_sockets(client, users, signed_in, sockets):
    user, tokens, _, opened, party = signed_in
    other = users.session(user)
    kept = sockets(user, "/party", other["access_token"])
    assert kept.call("join", {"party_id": str(party.id)})["ok"] is True
    url = f"/api/auth/sessions/{tokens['session_id']}/"
    headers = {"Authorization": f"Bearer {other['access_token']}"}
    assert client.delete(url, headers=headers).status_code == 200
    assert all(socket.closed_by_server(1.0) for socket in opened.values())
    assert kept.call("time", {"t0": 1})["ok"] is True


def test_password_change_closes_the_other_sessions_sockets(client, users, signed_in):
    user, _, _, opened, _ = signed_in
    current = users.login(user)
    body = {"current_password": PASSWORD, "new_password": "An0ther-Sturdy-Pass!"}
    body["confirm_password"] = body["new_password"]
    headers = {"Authorization": f"Bearer {current['access_token']}"}
    response = client.post("/api/auth/change-password/", json=body, headers=headers)
    assert response.status_code == 200, response.get_json()
    assert all(socket.closed_by_server(1.0) for socket in opened.values())


def test_suspension_closes_every_socket_of_the_user(client, users, signed_in):
    user, _, _, opened, _ = signed_in
    admin = users.session_headers(users.admin())
    response = client.post(f"/api/admin/users/{user.id}/suspend/", json={}, headers=admin)
    assert response.status_code == 200, response.get_json()
    assert all(socket.closed_by_server(1.0) for socket in opened.values())


def test_an_event_on_a_revoked_session_is_refused_before_the_close_arrives(signed_in):
    _, tokens, _, opened, party = signed_in
    session_sockets.mark_revoked(tokens["session_id"])  # as a lost disconnect would leave it
    ack = opened["/chat"].call("send", {"party_id": str(party.id), "text": "still here?"})
    assert ack["ok"] is False and ack["error"] == "token_revoked"
    ack = opened["/interactive"].call(
        "react", {"party_id": str(party.id), "emoji": "👍", "video_ts": 0}
    )
    assert ack["ok"] is False and ack["error"] == "token_revoked"


def test_a_token_with_my_session_and_someone_elses_subject_is_refused(
    app, client, users, sockets, parties
):
    me, victim = parties.person(), parties.person()
    tokens = users.session(me)
    with app.test_request_context():
        claims = {"sid": tokens["session_id"]}
        forged = create_access_token(identity=str(victim.id), additional_claims=claims)
        forged_refresh = create_refresh_token(identity=str(victim.id), additional_claims=claims)
    response = client.get("/api/users/profile/", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401
    refreshed = client.post("/api/auth/refresh/", json={"refresh_token": forged_refresh})
    assert refreshed.status_code == 401
    with pytest.raises(socketio.exceptions.ConnectionError, match="failed to connect"):
        sockets(None, "/party", forged)


def test_control_from_a_revoked_session_is_refused(signed_in):
    _, tokens, _, opened, party = signed_in
    session_sockets.mark_revoked(tokens["session_id"])
    ack = opened["/party"].call("control", {"party_id": str(party.id), "action": "play"})
    assert ack["ok"] is False and ack["error"] == "token_revoked"
