"""Superusers manage staff: make someone a moderator, an admin or a user again; never
themselves or another superuser; audited; the person's sessions stay and the new rights apply
at once."""

import uuid

import pytest
from sqlalchemy import select

from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.site.models import AuditEntry
from watchparty.users.models import DELETED, User


def url(user) -> str:
    return f"/api/admin/users/{user.id if hasattr(user, 'id') else user}/role/"


@pytest.fixture
def root_headers(superuser, auth):
    return auth(superuser)


@pytest.mark.parametrize(
    ("role", "flags"),
    [("moderator", (False, True)), ("admin", (True, False)), ("user", (False, False))],
)
def test_a_superuser_gives_a_role_which_is_stored_and_audited(
    client, users, superuser, root_headers, role, flags
):
    target = users.create(is_moderator=True)
    response = client.post(
        url(target), json={"role": role, "reason": "Needed"}, headers=root_headers
    )
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["user"]["role"] == role and body["user"]["is_moderator"] is flags[1]
    db.session.expire_all()
    stored = db.session.get(User, target.id)
    assert (stored.is_staff, stored.is_moderator) == flags
    entry = db.session.scalars(select(AuditEntry)).one()
    assert (entry.actor_id, entry.action, entry.target_type) == (superuser.id, "user.role", "user")
    assert entry.target_id == str(target.id) and entry.reason == "Needed"
    assert entry.data == {"from": "moderator", "to": role}


def test_the_new_rights_apply_at_once_and_the_session_stays(client, users, auth, root_headers):
    target = users.create()
    headers = auth(target)
    assert_error(client.get("/api/admin/settings/", headers=headers), 403)
    client.post(url(target), json={"role": "admin"}, headers=root_headers)
    assert client.get("/api/admin/settings/", headers=headers).status_code == 200
    client.post(url(target), json={"role": "user"}, headers=root_headers)
    assert_error(client.get("/api/admin/settings/", headers=headers), 403)
    assert client.get("/api/test/", headers=headers).get_json()["authenticated"] is True


def test_a_superuser_cannot_change_their_own_role(client, superuser, root_headers):
    response = client.post(url(superuser), json={"role": "user"}, headers=root_headers)
    assert_error(response, 403, "cannot_change_own_role")


def test_another_superusers_role_cannot_be_changed(client, users, root_headers):
    other = users.superuser()
    assert_error(
        client.post(url(other), json={"role": "user"}, headers=root_headers),
        403,
        "target_is_superuser",
    )
    db.session.expire_all()
    assert db.session.get(User, other.id).is_superuser is True


def test_a_deleted_account_gets_no_role(client, users, root_headers):
    gone = users.create(status=DELETED)
    assert_error(
        client.post(url(gone), json={"role": "admin"}, headers=root_headers), 409, "account_deleted"
    )


def test_an_unknown_user_is_404(client, root_headers):
    assert_error(
        client.post(url(uuid.uuid4()), json={"role": "admin"}, headers=root_headers),
        404,
        "user_not_found",
    )


@pytest.mark.parametrize("body", [{}, {"role": "superuser"}, {"role": "god"}, {"role": 3}])
def test_a_bad_role_is_400(client, users, root_headers, body):
    target = users.create()
    assert (
        "role"
        in assert_error(client.post(url(target), json=body, headers=root_headers), 400)["errors"]
    )
    assert db.session.scalar(select(AuditEntry)) is None


def test_the_admin_user_list_shows_who_moderates(client, users, admin_headers):
    users.moderator(email="mod@example.com")
    body = client.get("/api/admin/users/?search=mod@", headers=admin_headers).get_json()
    assert [(u["email"], u["is_moderator"]) for u in body["results"]] == [("mod@example.com", True)]
