"""Reporting a user (seed 003 POST /api/users/report/): stored once per pair for staff, who
list them; bad input changes nothing."""

import pytest

from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.moderation.models import ContentReport


def _report(client, users, who, body):
    return client.post("/api/users/report/", json=body, headers=users.session_headers(who))


def test_a_report_reaches_staff_once(client, users):
    ada, troll, staff = users.create(), users.create(first_name="Troll"), users.admin()
    body = {"reported_user_id": str(troll.id), "reason": "harassment", "description": "rude"}
    assert _report(client, users, ada, body).status_code == 201
    assert_error(_report(client, users, ada, body), 409, "already_reported")
    page = client.get("/api/admin/user-reports/", headers=users.session_headers(staff)).get_json()
    assert page["count"] == 1
    seen = page["results"][0]
    assert seen["reported"]["id"] == str(troll.id) and seen["reporter"]["id"] == str(ada.id)
    assert seen["reason"] == "harassment" and seen["status"] == "open"
    assert_error(client.get("/api/admin/user-reports/", headers=users.session_headers(ada)), 403)


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"reason": "spam"}, 400, None),
        ({"reported_user_id": "x", "reason": "spam"}, 400, None),
        (
            {"reported_user_id": "00000000-0000-4000-8000-000000000000", "reason": "spam"},
            404,
            "user_not_found",
        ),
        ({"reported_user_id": None, "reason": "nonsense"}, 400, None),
    ],
)
def test_bad_reports_store_nothing(client, users, body, status, code):
    ada = users.create()
    assert_error(_report(client, users, ada, body), status, code)
    assert db.session.query(ContentReport).count() == 0


def test_you_cannot_report_yourself(client, users):
    ada = users.create()
    body = {"reported_user_id": str(ada.id), "reason": "spam"}
    assert_error(_report(client, users, ada, body), 400, "self_report")
    long = {"reported_user_id": str(users.create().id), "reason": "spam", "description": "x" * 2001}
    assert_error(_report(client, users, ada, long), 400)
    assert db.session.query(ContentReport).count() == 0
