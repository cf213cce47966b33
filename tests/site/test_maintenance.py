"""Maintenance mode: the API answers 503 with Retry-After and the staff's message to everyone
but staff; health, sign-in, the status endpoint and the web client still answer; sockets
refuse new connections and joins; switching it is audited."""

from datetime import timedelta

import pytest
import socketio
from sqlalchemy import select

from tests.factories import PASSWORD
from tests.helpers import assert_error
from watchparty.common.types import iso, utcnow
from watchparty.extensions import db
from watchparty.site import maintenance
from watchparty.site.models import AuditEntry

SWITCH = "/api/admin/maintenance/"


def test_a_user_gets_503_with_retry_after_and_the_message(client, users, auth, maintenance_on):
    maintenance_on("Upgrading the database.")
    response = client.get("/api/test/", headers=auth(users.create()))
    body = assert_error(response, 503, "maintenance")
    assert body["message"] == "Upgrading the database." and body["until"] is None
    assert response.headers["Retry-After"] == str(maintenance.DEFAULT_RETRY_AFTER)


def test_anonymous_callers_get_the_503_too(client, maintenance_on):
    maintenance_on()
    assert_error(client.get("/api/parties/"), 503, "maintenance")


@pytest.mark.parametrize(
    "path", ["/api/admin/maintenance/", "/api/moderation/admin/queue/", "/api/admin/logs/"]
)
def test_staff_paths_refuse_outsiders_as_always_not_with_the_503(
    client, users, auth, maintenance_on, path
):
    maintenance_on()
    assert_error(client.get(path), 401)
    assert_error(client.get(path, headers=auth(users.create())), 403)


def test_retry_after_counts_down_to_the_announced_end(client, maintenance_on):
    maintenance_on("Back at noon.", until=iso(utcnow() + timedelta(minutes=10)))
    response = client.get("/api/parties/")
    body = assert_error(response, 503, "maintenance")
    assert 590 <= int(response.headers["Retry-After"]) <= 600
    assert body["until"].endswith("Z")


@pytest.mark.parametrize("staff", ["admin", "moderator", "superuser"])
def test_staff_are_not_held_back(client, users, auth, maintenance_on, staff):
    maintenance_on()
    person = getattr(users, staff)()
    response = client.get("/api/test/", headers=auth(person))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["authenticated"] is True


def test_health_sign_in_refresh_and_the_status_still_answer(client, users, maintenance_on):
    maintenance_on("Upgrading.")
    assert client.get("/api/health/").status_code in (200, 503)
    assert "maintenance" not in (client.get("/api/health/").get_json() or {}).get("error", "")
    user = users.create()
    login = client.post("/api/auth/login/", json={"email": user.email, "password": PASSWORD})
    assert login.status_code == 200, login.get_json()
    refreshed = client.post(
        "/api/auth/refresh/", json={"refresh": login.get_json()["refresh_token"]}
    )
    assert refreshed.status_code == 200, refreshed.get_json()
    status = client.get("/api/maintenance/").get_json()
    assert status["enabled"] is True and status["message"] == "Upgrading."
    assert status["retry_after"] == maintenance.DEFAULT_RETRY_AFTER


def test_the_web_client_and_static_files_are_still_served(client, maintenance_on):
    maintenance_on()
    assert client.get("/").status_code == 200
    assert client.get("/static/app/main.js").status_code == 200


def test_an_expired_token_gets_its_401_so_the_client_can_refresh(
    client, users, maintenance_on, app
):
    from flask_jwt_extended import create_access_token

    maintenance_on()
    with app.test_request_context():
        token = create_access_token(str(users.admin().id), expires_delta=timedelta(seconds=-5))
    assert_error(client.get("/api/test/", headers={"Authorization": f"Bearer {token}"}), 401)


def test_switching_over_rest_takes_effect_and_is_audited(client, users, auth, admin, admin_headers):
    headers = auth(users.create())
    until = iso(utcnow() + timedelta(hours=1))
    on = client.post(
        SWITCH,
        json={"enabled": True, "message": "Moving house.", "until": until},
        headers=admin_headers,
    )
    assert on.status_code == 200, on.get_json()
    assert on.get_json()["maintenance"]["enabled"] is True
    assert client.get(SWITCH, headers=admin_headers).get_json()["message"] == "Moving house."
    assert_error(client.get("/api/test/", headers=headers), 503, "maintenance")
    off = client.post(SWITCH, json={"action": "disable", "message": ""}, headers=admin_headers)
    assert off.status_code == 200 and off.get_json()["maintenance"]["enabled"] is False
    assert client.get("/api/test/", headers=headers).status_code == 200
    entries = db.session.scalars(select(AuditEntry).order_by(AuditEntry.created_at)).all()
    assert [e.action for e in entries] == ["maintenance.enable", "maintenance.disable"]
    assert all(e.actor_id == admin.id for e in entries)
    assert entries[0].data["to"] == {"enabled": True, "message": "Moving house.", "until": until}


def test_the_seed_shape_with_action_enable_switches_it_on(client, admin_headers):
    response = client.post(
        SWITCH, json={"action": "enable", "message": "Scheduled maintenance"}, headers=admin_headers
    )
    assert response.status_code == 200, response.get_json()
    assert maintenance.state() == {
        "enabled": True,
        "message": "Scheduled maintenance",
        "until": None,
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"message": "no switch"}, "enabled"),
        ({"enabled": "perhaps"}, "enabled"),
        ({"action": "pause"}, "action"),
        ({"enabled": True, "action": "disable"}, "action"),
        ({"enabled": True, "until": "2001-01-01T00:00:00Z"}, "until"),
        ({"enabled": True, "until": "soon"}, "until"),
        ({"enabled": True, "message": "x" * 501}, "message"),
    ],
)
def test_a_bad_switch_is_400_and_changes_nothing(client, admin_headers, body, field):
    response = client.post(SWITCH, json=body, headers=admin_headers)
    assert field in assert_error(response, 400, "validation_error")["errors"]
    assert maintenance.state()["enabled"] is False


def _refusal(url: str, token: str) -> object:
    client = socketio.Client(reconnection=False)
    refused = []
    client.on("connect_error", refused.append, namespace="/party")
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(
            url,
            namespaces=["/party"],
            auth={"token": token},
            transports=["websocket"],
            wait_timeout=5,
        )
    return refused


def test_sockets_refuse_new_connections_of_users_but_not_of_staff(
    live_server, users, sockets, maintenance_on
):
    maintenance_on("Upgrading.")
    refused = _refusal(live_server.url, users.session(users.create())["access_token"])
    assert refused and refused[0]["message"] == "Upgrading."
    assert refused[0]["data"]["error"] == "maintenance"
    assert sockets(users.admin(), "/party").client.connected


def test_a_connected_user_cannot_join_a_party_during_maintenance(
    users, parties, sockets, maintenance_on
):
    host, guest = users.create(), users.create()
    party = parties.create(host)
    parties.add(party, guest)
    socket = sockets(guest, "/party")
    maintenance_on("Upgrading.")
    ack = socket.call("join", {"party_id": str(party.id)})
    assert ack["ok"] is False and ack["error"] == "maintenance" and ack["message"] == "Upgrading."
    host.is_moderator = True
    db.session.commit()
    staff = sockets(host, "/party")
    assert staff.call("join", {"party_id": str(party.id)})["ok"] is True
