"""Change password (and its /api/users alias) and the session list / revocation views."""

import uuid

from flask_jwt_extended import decode_token
from sqlalchemy import select

from tests.auth.conftest import NEW_PASSWORD
from tests.factories import PASSWORD
from tests.helpers import assert_error, bearer
from watchparty.extensions import db
from watchparty.users.models import Activity, User

CHANGE = "/api/auth/change-password/"


def _change(current=PASSWORD, new=NEW_PASSWORD, confirm=NEW_PASSWORD) -> dict:
    return {"current_password": current, "new_password": new, "confirm_password": confirm}


def _sid(tokens: dict) -> str:
    return decode_token(tokens["access_token"])["sid"]


def test_change_password_keeps_this_session_and_revokes_the_others(client, users):
    user = users.create()
    current, other = users.login(user), users.login(user)
    response = client.post(CHANGE, json=_change(), headers=bearer(current["access_token"]))
    assert response.status_code == 200, response.get_json()
    assert (
        client.get("/api/auth/sessions/", headers=bearer(current["access_token"])).status_code
        == 200
    )
    assert_error(client.get("/api/auth/sessions/", headers=bearer(other["access_token"])), 401)
    users.login(user, NEW_PASSWORD)
    stored = db.session.get(User, user.id)
    assert stored.password_changed_at is not None
    assert "password_changed" in db.session.scalars(select(Activity.type)).all()


def test_change_password_with_wrong_current_password_is_400_and_changes_nothing(client, users):
    user = users.create()
    tokens, other = users.login(user), users.login(user)
    response = client.post(
        CHANGE, json=_change(current="Wrong-Passw0rd!"), headers=bearer(tokens["access_token"])
    )
    assert "current_password" in assert_error(response, 400)["errors"]
    assert (
        client.get("/api/auth/sessions/", headers=bearer(other["access_token"])).status_code == 200
    )
    users.login(user)


def test_change_password_policy_and_confirmation_are_checked(client, users):
    user = users.create()
    headers = users.headers(user)
    weak = client.post(CHANGE, json=_change(new="abc", confirm="abc"), headers=headers)
    assert "new_password" in assert_error(weak, 400)["errors"]
    mismatch = client.post(CHANGE, json=_change(confirm="Different-1!"), headers=headers)
    assert "confirm_password" in assert_error(mismatch, 400)["errors"]
    users.login(user)


def test_change_password_with_bad_input_is_400(client, users):
    headers = users.headers(users.create())
    body = assert_error(client.post(CHANGE, json={}, headers=headers), 400)
    assert {"current_password", "new_password", "confirm_password"} <= set(body["errors"])
    typed = {"current_password": 1, "new_password": [], "confirm_password": {}}
    assert_error(client.post(CHANGE, json=typed, headers=headers), 400)
    huge = _change(new="a1" * 5000, confirm="a1" * 5000)
    assert_error(client.post(CHANGE, json=huge, headers=headers), 400)
    bad = client.post(CHANGE, data="{", content_type="application/json", headers=headers)
    assert_error(bad, 400)


def test_change_password_needs_a_token(client):
    assert_error(client.post(CHANGE, json=_change()), 401)
    assert_error(client.put("/api/users/password/", json=_change()), 401)


def test_users_password_alias_accepts_no_confirmation(client, users):
    user = users.create()
    body = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    response = client.put("/api/users/password/", json=body, headers=users.headers(user))
    assert response.status_code == 200, response.get_json()
    users.login(user, NEW_PASSWORD)


def test_sessions_list_is_paginated_and_marks_the_current_one(client, users):
    user = users.create()
    users.login(user)
    current = users.login(user)
    for path in ("/api/auth/sessions/", "/api/users/sessions/"):
        page = client.get(path, headers=bearer(current["access_token"])).get_json()
        assert page["count"] == 2 and page["current_page"] == 1 and page["total_pages"] == 1
        assert {"results", "next", "previous", "page_size"} <= set(page)
        item = next(s for s in page["results"] if s["is_current"])
        assert item["id"] == _sid(current)
        assert item["created_at"].endswith("Z") and item["expires_at"].endswith("Z")
        assert {"device", "ip_address", "user_agent", "last_seen"} <= set(item)
        assert sum(s["is_current"] for s in page["results"]) == 1


def test_sessions_list_rejects_bad_paging(client, users):
    headers = users.headers(users.create())
    assert_error(client.get("/api/auth/sessions/?page=0", headers=headers), 400)
    assert_error(client.get("/api/auth/sessions/?page_size=abc", headers=headers), 400)


def test_revoking_a_session_stops_its_tokens(client, users):
    user = users.create()
    current, other = users.login(user), users.login(user)
    response = client.delete(
        f"/api/users/sessions/{_sid(other)}/", headers=bearer(current["access_token"])
    )
    assert response.status_code == 200
    assert_error(client.get("/api/auth/sessions/", headers=bearer(other["access_token"])), 401)
    assert_error(client.post("/api/auth/refresh/", json={"refresh": other["refresh_token"]}), 401)
    assert "session_revoked" in db.session.scalars(select(Activity.type)).all()


def test_revoking_another_users_or_unknown_session_is_404(client, users):
    mine, theirs = users.login(users.create()), users.login(users.create())
    headers = bearer(mine["access_token"])
    assert_error(client.delete(f"/api/auth/sessions/{_sid(theirs)}/", headers=headers), 404)
    assert_error(client.delete(f"/api/auth/sessions/{uuid.uuid4()}/", headers=headers), 404)
    assert_error(client.delete("/api/auth/sessions/not-a-uuid/", headers=headers), 404)
    assert (
        client.get("/api/auth/sessions/", headers=bearer(theirs["access_token"])).status_code == 200
    )


def test_revoke_all_keeps_only_the_current_session(client, users):
    user = users.create()
    current = users.login(user)
    others = [users.login(user), users.login(user)]
    for path in ("/api/users/sessions/revoke-all/", "/api/auth/sessions/revoke-all/"):
        response = client.delete(path, headers=bearer(current["access_token"]))
        assert response.status_code == 200
    assert response.get_json()["revoked"] == 0
    for tokens in others:
        assert_error(client.get("/api/auth/sessions/", headers=bearer(tokens["access_token"])), 401)
    page = client.get("/api/auth/sessions/", headers=bearer(current["access_token"])).get_json()
    assert page["count"] == 1


def test_revoke_all_reports_how_many(client, users):
    user = users.create()
    current = users.login(user)
    users.login(user), users.login(user)
    body = client.delete(
        "/api/users/sessions/revoke-all/", headers=bearer(current["access_token"])
    ).get_json()
    assert body == {"success": True, "message": body["message"], "revoked": 2}


def test_session_views_need_a_valid_token(client, users, forged_token):
    assert_error(client.get("/api/auth/sessions/"), 401)
    assert_error(client.delete("/api/users/sessions/revoke-all/"), 401)
    forged = bearer(forged_token(users.create()))
    assert_error(client.get("/api/users/sessions/", headers=forged), 401, "token_invalid")
