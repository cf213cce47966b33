"""The live site banner: staff post it, every connected client hears it at once, pages loaded
later read it from GET /api/banner/ until it expires, and taking it down reaches everyone."""

import time

import pytest

from tests.helpers import assert_error
from watchparty.admin import banner as site_banner
from watchparty.extensions import db
from watchparty.live.state import store
from watchparty.site.models import AuditEntry


@pytest.fixture(autouse=True)
def no_banner():
    """The in-process live store outlives a test (Redis is flushed): start and end bare."""
    store().delete(site_banner.KEY)
    yield
    store().delete(site_banner.KEY)


def test_no_banner_reads_as_null_to_anyone(client):
    assert client.get("/api/banner/").get_json() == {"banner": None}


def test_a_banner_reaches_every_connected_client_live(client, admin, admin_headers, sockets, users):
    listeners = [sockets(users.create(), "/notifications") for _ in range(2)]
    for socket in listeners:
        socket.wait_for("unread_count")
    body = {"message": "Maintenance at 22:00 UTC", "level": "warning", "expires_in": 600}
    response = client.post("/api/admin/banner/", json=body, headers=admin_headers)
    assert response.status_code == 201, response.get_json()
    shown = response.get_json()
    assert (shown["message"], shown["level"]) == ("Maintenance at 22:00 UTC", "warning")
    for socket in listeners:
        heard = socket.wait_for("site_banner")
        assert heard["banner"]["id"] == shown["id"]
    assert client.get("/api/banner/").get_json()["banner"]["id"] == shown["id"]
    entry = db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "banner.set"))
    assert (entry.actor_id, entry.data["message"]) == (admin.id, "Maintenance at 22:00 UTC")


def test_taking_it_down_tells_everyone_and_a_second_take_down_is_404(
    client, admin_headers, sockets, users
):
    client.post("/api/admin/banner/", json={"message": "Hello"}, headers=admin_headers)
    socket = sockets(users.create(), "/notifications")
    socket.wait_for("unread_count")
    response = client.delete("/api/admin/banner/", headers=admin_headers)
    assert response.status_code == 200, response.get_json()
    assert socket.wait_for("site_banner") == {"banner": None}
    assert client.get("/api/banner/").get_json() == {"banner": None}
    assert_error(client.delete("/api/admin/banner/", headers=admin_headers), 404, "no_banner")


def test_a_banner_expires(client, admin_headers, monkeypatch):
    client.post("/api/admin/banner/", json={"message": "Soon gone"}, headers=admin_headers)
    raw = store().get(site_banner.KEY)
    store().set(site_banner.KEY, raw, ttl=0.2)  # as if posted with expires_in a moment ago
    time.sleep(0.4)
    assert client.get("/api/banner/").get_json() == {"banner": None}


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"message": ""},
        {"message": "   "},
        {"message": "x" * 501},
        {"message": "Hi", "level": "shouting"},
        {"message": "Hi", "expires_in": 10},
        {"message": "Hi", "expires_in": 8 * 86400},
        {"message": 5},
    ],
)
def test_bad_banners_are_validation_errors(client, admin_headers, body):
    response = client.post("/api/admin/banner/", json=body, headers=admin_headers)
    assert_error(response, 400, "validation_error")
    assert client.get("/api/banner/").get_json() == {"banner": None}
