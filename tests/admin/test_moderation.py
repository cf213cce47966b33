"""Suspend, unsuspend, ban and unban: state, sessions, activity log and permissions."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.helpers import assert_error
from watchparty.auth.models import UserSession
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.users.models import BANNED, DELETED, SUSPENDED, Activity, User


def url(user, action: str) -> str:
    return f"/api/admin/users/{user.id}/{action}/"


def reload(user) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def activity_types(user) -> list[str]:
    stmt = select(Activity.type).where(Activity.user_id == user.id)
    return list(db.session.scalars(stmt))


@pytest.mark.parametrize(("action", "status"), [("suspend", SUSPENDED), ("ban", BANNED)])
def test_restricting_stores_status_reason_and_records_activity(
    client, users, admin, admin_headers, action, status
):
    target = users.create()
    response = client.post(url(target, action), json={"reason": "Spam"}, headers=admin_headers)
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["success"] is True and body["message"]
    assert body["user"]["status"] == status and body["user"]["status_reason"] == "Spam"
    assert body["user"]["status_until"] is None
    stored = reload(target)
    assert stored.status == status and stored.status_reason == "Spam"
    assert f"account_{status}" in activity_types(target)
    entry = db.session.scalars(select(Activity).where(Activity.user_id == target.id)).one()
    assert entry.data["by"] == str(admin.id) and entry.data["reason"] == "Spam"
    assert entry.ip is None and entry.user_agent is None  # the admin's, not the user's


@pytest.mark.parametrize("action", ["suspend", "ban"])
def test_restricting_works_without_a_body(client, users, admin_headers, action):
    target = users.create()
    response = client.post(url(target, action), headers=admin_headers)
    assert response.status_code == 200, response.get_json()
    assert reload(target).status_reason is None


@pytest.mark.parametrize("action", ["suspend", "ban"])
def test_restricting_revokes_tokens_issued_before(client, users, auth, admin_headers, action):
    target = users.create()
    old = auth(target)
    assert client.get("/api/test/", headers=old).get_json()["authenticated"] is True
    assert client.post(url(target, action), json={}, headers=admin_headers).status_code == 200
    assert_error(client.get("/api/admin/users/", headers=old), 401)
    sessions = db.session.scalars(select(UserSession).where(UserSession.user_id == target.id))
    assert all(s.revoked_at is not None for s in sessions)


def test_suspended_admins_old_token_no_longer_grants_admin_access(
    client, users, auth, admin_headers
):
    super_headers = auth(users.create(is_superuser=True))
    admin_old = admin_headers
    target = db.session.scalars(select(User).where(User.email == "admin@example.com")).one()
    assert client.post(url(target, "suspend"), headers=super_headers).status_code == 200
    assert_error(client.get("/api/admin/users/", headers=admin_old), 401)


def test_timed_suspension_records_its_end_and_lapses_on_its_own(client, users, auth, admin_headers):
    target = users.create()
    response = client.post(url(target, "suspend"), json={"duration": 3600}, headers=admin_headers)
    until = response.get_json()["user"]["status_until"]
    assert until.endswith("Z")
    stored = reload(target)
    assert timedelta(minutes=59) < stored.status_until - utcnow() <= timedelta(hours=1)
    stored.status_until = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert reload(target).effective_status == "active"
    fresh = auth(reload(target))
    assert client.get("/api/test/", headers=fresh).get_json()["authenticated"] is True
    assert_error(client.post(url(target, "unsuspend"), headers=admin_headers), 409)


def test_timed_ban_takes_a_duration(client, users, admin_headers):
    target = users.create()
    body = client.post(
        url(target, "ban"), json={"reason": "x", "duration": 86400}, headers=admin_headers
    )
    assert body.status_code == 200
    assert timedelta(hours=23) < reload(target).status_until - utcnow() <= timedelta(days=1)


@pytest.mark.parametrize(
    ("restrict", "lift", "activity"),
    [("suspend", "unsuspend", "account_unsuspended"), ("ban", "unban", "account_unbanned")],
)
def test_lifting_restores_an_active_account(
    client, users, auth, admin_headers, restrict, lift, activity
):
    target = users.create()
    client.post(url(target, restrict), json={"reason": "r", "duration": 60}, headers=admin_headers)
    response = client.post(url(target, lift), headers=admin_headers)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["user"]["status"] == "active"
    stored = reload(target)
    assert (stored.status, stored.status_reason, stored.status_until) == ("active", None, None)
    assert activity in activity_types(target)
    fresh = auth(stored)
    assert client.get("/api/test/", headers=fresh).get_json()["authenticated"] is True


@pytest.mark.parametrize("action", ["unsuspend", "unban"])
def test_lifting_what_is_not_there_is_409(client, users, admin_headers, action):
    target = users.create()
    assert_error(client.post(url(target, action), headers=admin_headers), 409)
    assert reload(target).status == "active"


def test_unsuspending_a_banned_user_is_409_and_unbanning_a_suspended_one_too(
    client, users, admin_headers
):
    banned = users.create(status=BANNED)
    suspended = users.create(status=SUSPENDED)
    assert_error(client.post(url(banned, "unsuspend"), headers=admin_headers), 409)
    assert_error(client.post(url(suspended, "unban"), headers=admin_headers), 409)
    assert reload(banned).status == BANNED and reload(suspended).status == SUSPENDED


def test_suspending_a_banned_user_is_409(client, users, admin_headers):
    target = users.create(status=BANNED, status_reason="fraud")
    assert_error(client.post(url(target, "suspend"), headers=admin_headers), 409)
    assert reload(target).status_reason == "fraud"


def test_banning_a_suspended_user_escalates(client, users, admin_headers):
    target = users.create(status=SUSPENDED)
    assert client.post(url(target, "ban"), headers=admin_headers).status_code == 200
    assert reload(target).status == BANNED


@pytest.mark.parametrize("action", ["suspend", "ban", "unsuspend", "unban"])
def test_acting_on_a_deleted_account_is_409(client, users, admin_headers, action):
    target = users.create(status=DELETED)
    assert_error(client.post(url(target, action), headers=admin_headers), 409)
    assert reload(target).status == DELETED


@pytest.mark.parametrize("action", ["suspend", "ban", "unsuspend", "unban"])
def test_admin_cannot_act_on_themselves(client, admin, admin_headers, action):
    assert_error(client.post(url(admin, action), headers=admin_headers), 400)
    assert reload(admin).status == "active"


@pytest.mark.parametrize("action", ["suspend", "ban"])
def test_staff_cannot_act_on_other_staff_or_superusers(client, users, admin_headers, action):
    for target in (users.admin(), users.create(is_superuser=True)):
        assert_error(client.post(url(target, action), headers=admin_headers), 403, "forbidden")
        assert reload(target).status == "active"


def test_superuser_can_act_on_staff(client, users, auth):
    root = auth(users.create(is_superuser=True))
    staff = users.admin()
    assert client.post(url(staff, "ban"), headers=root).status_code == 200
    assert client.post(url(staff, "unban"), headers=root).status_code == 200


@pytest.mark.parametrize("action", ["suspend", "ban", "unsuspend", "unban"])
def test_unknown_user_is_404(client, admin_headers, action):
    target = type("Ghost", (), {"id": uuid.uuid4()})
    assert_error(client.post(url(target, action), headers=admin_headers), 404)


@pytest.mark.parametrize("action", ["suspend", "ban", "unsuspend", "unban"])
def test_moderation_needs_an_admin(client, users, auth, action):
    target = users.create()
    assert_error(client.post(url(target, action)), 401)
    assert_error(client.post(url(target, action), headers=auth(users.create())), 403)
    assert reload(target).status == "active"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reason": "x" * 501}, "reason"),
        ({"reason": 12}, "reason"),
        ({"duration": "soon"}, "duration"),
        ({"duration": "3600"}, "duration"),
        ({"duration": 0}, "duration"),
        ({"duration": -5}, "duration"),
        ({"duration": 1.5}, "duration"),
        ({"duration": True}, "duration"),
    ],
)
@pytest.mark.parametrize("action", ["suspend", "ban"])
def test_bad_bodies_are_400_and_change_nothing(client, users, admin_headers, action, body, field):
    target = users.create()
    error = assert_error(client.post(url(target, action), json=body, headers=admin_headers), 400)
    assert field in error["errors"]
    assert reload(target).status == "active" and activity_types(target) == []


@pytest.mark.parametrize("action", ["suspend", "ban"])
def test_malformed_json_is_400_and_changes_nothing(client, users, admin_headers, action):
    target = users.create()
    response = client.post(
        url(target, action),
        data='{"reason": "unterminated',
        headers={**admin_headers, "Content-Type": "application/json"},
    )
    assert_error(response, 400)
    assert reload(target).status == "active"


@pytest.mark.parametrize("action", ["suspend", "ban"])
def test_json_that_is_not_an_object_is_400(client, users, admin_headers, action):
    target = users.create()
    assert_error(client.post(url(target, action), json=["x"], headers=admin_headers), 400)
    assert reload(target).status == "active"


@pytest.mark.parametrize("action", ["suspend", "ban"])
def test_restricted_user_cannot_log_in(client, users, admin_headers, action):
    from tests.factories import PASSWORD

    target = users.create()
    client.post(url(target, action), json={"reason": "abuse"}, headers=admin_headers)
    response = client.post("/api/auth/login/", json={"email": target.email, "password": PASSWORD})
    assert_error(response, 403)
