"""GET /api/admin/users/<id>/: one user as administrators see them."""

import uuid

from tests.helpers import assert_error


def test_detail_shows_user_moderation_sessions_and_two_factor(client, users, auth, admin_headers):
    target = users.create(email="t@example.com", totp_enabled=True)
    auth(target)
    auth(target)
    response = client.get(f"/api/admin/users/{target.id}/", headers=admin_headers)
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["id"] == str(target.id) and body["email"] == "t@example.com"
    assert body["sessions_active"] == 2
    assert body["totp_enabled"] is True
    assert body["last_login"].endswith("Z")
    assert body["status"] == "active" and body["status_reason"] is None
    assert body["full_name"] == target.full_name


def test_detail_counts_no_sessions_after_a_ban(client, users, auth, admin_headers):
    target = users.create()
    auth(target)
    client.post(f"/api/admin/users/{target.id}/ban/", json={}, headers=admin_headers)
    body = client.get(f"/api/admin/users/{target.id}/", headers=admin_headers).get_json()
    assert body["sessions_active"] == 0 and body["status"] == "banned"


def test_unknown_user_is_404(client, admin_headers):
    assert_error(client.get(f"/api/admin/users/{uuid.uuid4()}/", headers=admin_headers), 404)


def test_malformed_user_id_is_404(client, admin_headers):
    assert_error(client.get("/api/admin/users/not-a-uuid/", headers=admin_headers), 404)


def test_detail_needs_an_admin(client, users, auth):
    target = users.create()
    assert_error(client.get(f"/api/admin/users/{target.id}/"), 401)
    assert_error(client.get(f"/api/admin/users/{target.id}/", headers=auth(target)), 403)
