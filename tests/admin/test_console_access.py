"""Every endpoint of the admin console's health, dashboard, videos and banner refuses
anonymous callers (401) and signed-in people who are not admins (403)."""

import uuid

import pytest

from tests.helpers import assert_error

ENDPOINTS = [
    ("get", "/api/admin/health/check/"),
    ("get", "/api/admin/health/status/"),
    ("get", "/api/admin/health/metrics/"),
    ("get", "/api/admin/system-health/"),
    ("get", "/api/admin/dashboard/"),
    ("get", "/api/admin/videos/"),
    ("delete", f"/api/admin/videos/{uuid.uuid4()}/delete/"),
    ("post", "/api/admin/banner/"),
    ("delete", "/api/admin/banner/"),
]


@pytest.mark.parametrize("method, path", ENDPOINTS)
def test_anonymous_callers_are_refused(client, method, path):
    assert_error(getattr(client, method)(path, json={"message": "hi"}), 401)


@pytest.mark.parametrize("method, path", ENDPOINTS)
def test_people_who_are_not_admins_are_refused(client, users, method, path):
    headers = users.session_headers(users.create())
    assert_error(getattr(client, method)(path, json={"message": "hi"}, headers=headers), 403)


@pytest.mark.parametrize("method, path", ENDPOINTS)
def test_moderators_are_refused_too(client, users, method, path):
    headers = users.session_headers(users.moderator())
    assert_error(getattr(client, method)(path, json={"message": "hi"}, headers=headers), 403)
