"""Every endpoint of settings, maintenance, logs and roles refuses anonymous callers (401),
normal users (403) and, where an admin is needed, moderators (403)."""

import uuid

import pytest

from tests.helpers import assert_error

ADMIN_ONLY = [
    ("GET", "/api/admin/settings/", None),
    (
        "POST",
        "/api/admin/settings/update/",
        {"setting_key": "registration_open", "setting_value": False},
    ),
    ("GET", "/api/admin/maintenance/", None),
    ("POST", "/api/admin/maintenance/", {"enabled": True, "message": "x"}),
    ("GET", "/api/admin/logs/", None),
    ("GET", "/api/admin/logs/?source=errors", None),
]
ROLE = ("POST", f"/api/admin/users/{uuid.uuid4()}/role/", {"role": "moderator"})


def call(client, method, path, body, headers=None):
    return client.open(path, method=method, json=body, headers=headers or {})


@pytest.mark.parametrize(("method", "path", "body"), [*ADMIN_ONLY, ROLE])
def test_anonymous_callers_are_refused_with_401(client, method, path, body):
    assert_error(call(client, method, path, body), 401)


@pytest.mark.parametrize(("method", "path", "body"), [*ADMIN_ONLY, ROLE])
def test_normal_users_are_refused_with_403(client, users, auth, method, path, body):
    assert_error(call(client, method, path, body, auth(users.create())), 403, "forbidden")


@pytest.mark.parametrize(("method", "path", "body"), [*ADMIN_ONLY, ROLE])
def test_moderators_are_refused_with_403(client, users, auth, method, path, body):
    assert_error(call(client, method, path, body, auth(users.moderator())), 403, "forbidden")


def test_admins_cannot_change_roles_only_superusers_can(client, users, auth, admin_headers):
    assert_error(call(client, *ROLE, admin_headers), 403, "forbidden")


def test_the_public_maintenance_status_needs_no_sign_in(client):
    body = client.get("/api/maintenance/").get_json()
    assert body == {"enabled": False, "message": "", "until": None, "retry_after": None}
