"""Every staff endpoint of moderation: 401 without a token, 403 for a normal user, answered for
a moderator (staff and superusers too)."""

import uuid

import pytest

from tests.factories import chat_messages
from tests.helpers import assert_error
from tests.moderation.kit import chat_room, filed

ID = "00000000-0000-4000-8000-000000000000"
ENDPOINTS = [
    ("get", "/api/moderation/reports/", None),
    ("get", f"/api/moderation/reports/{ID}/", None),
    ("get", "/api/moderation/admin/queue/", None),
    ("get", "/api/moderation/admin/stats/", None),
    ("get", "/api/moderation/admin/dashboard/", None),
    ("get", f"/api/moderation/admin/reports/{ID}/actions/", None),
    ("post", f"/api/moderation/admin/reports/{ID}/assign/", {"moderator_id": ID}),
    ("post", f"/api/moderation/admin/reports/{ID}/resolve/", {"action": "no_action"}),
    ("post", f"/api/moderation/admin/reports/{ID}/dismiss/", {}),
    (
        "post",
        "/api/moderation/admin/reports/bulk-action/",
        {"report_ids": [ID], "action": "dismiss"},
    ),
    ("get", "/api/admin/reports/", None),
    ("post", f"/api/admin/reports/{ID}/resolve/", {"action": "approve"}),
]


def _call(client, method, path, body, headers=None):
    return getattr(client, method)(path, json=body, headers=headers or {})


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_staff_endpoints_refuse_anonymous_and_normal_users(client, users, method, path, body):
    assert_error(_call(client, method, path, body), 401)
    normal = users.session_headers(users.create())
    assert_error(_call(client, method, path, body, normal), 403)


@pytest.mark.parametrize("role", ["moderator", "admin", "superuser"])
def test_moderators_staff_and_superusers_act_on_reports(client, users, parties, role):
    staff, ada = getattr(users, role)(), users.create()
    party, host, _ = chat_room(users, parties, ada)
    headers = users.session_headers(staff)
    for method, path, body in ENDPOINTS:
        (message,) = chat_messages(party, host, 1)
        report_id = filed(client, users, ada, "chat_message", message.id)["id"]
        if body and "moderator_id" in body:
            body = {"moderator_id": str(staff.id)}
        if body and "report_ids" in body:
            body = {"report_ids": [report_id], "action": "assign"}
        response = _call(client, method, path.replace(ID, report_id), body, headers)
        assert response.status_code == 200, (path, response.get_json())


def test_an_unknown_report_is_404_for_staff(client, users):
    headers = users.session_headers(users.moderator())
    path = f"/api/moderation/reports/{uuid.uuid4()}/"
    assert_error(client.get(path, headers=headers), 404, "report_not_found")
