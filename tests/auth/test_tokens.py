"""Logout, refresh with rotation and reuse detection, and rejected tokens."""

from flask_jwt_extended import decode_token
from sqlalchemy import select

from tests.factories import PASSWORD
from tests.helpers import assert_error, bearer
from watchparty.auth.models import UserSession
from watchparty.extensions import db
from watchparty.users.models import BANNED, User


def _me(client, access):
    return client.get("/api/auth/sessions/", headers=bearer(access))


def test_refresh_returns_a_new_pair_under_both_names(client, users):
    tokens = users.login(users.create())
    response = client.post("/api/auth/refresh/", json={"refresh": tokens["refresh_token"]})
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["access"] == body["access_token"] and body["refresh"] == body["refresh_token"]
    assert body["refresh"] != tokens["refresh_token"]
    assert _me(client, body["access"]).status_code == 200


def test_refresh_accepts_refresh_token_field(client, users):
    tokens = users.login(users.create())
    response = client.post("/api/auth/refresh/", json={"refresh_token": tokens["refresh_token"]})
    assert response.status_code == 200


def test_replaying_a_rotated_refresh_token_revokes_the_whole_session(client, users):
    tokens = users.login(users.create())
    newest = client.post("/api/auth/refresh/", json={"refresh": tokens["refresh_token"]}).get_json()
    replay = client.post("/api/auth/refresh/", json={"refresh": tokens["refresh_token"]})
    assert_error(replay, 401, "token_reused")
    assert_error(client.post("/api/auth/refresh/", json={"refresh": newest["refresh"]}), 401)
    assert_error(_me(client, newest["access"]), 401, "token_revoked")
    assert_error(_me(client, tokens["access_token"]), 401, "token_revoked")


def test_refresh_with_an_access_token_is_401(client, users):
    tokens = users.login(users.create())
    response = client.post("/api/auth/refresh/", json={"refresh": tokens["access_token"]})
    assert_error(response, 401, "token_invalid")


def test_refresh_with_a_forged_token_is_401(client, users, forged_token):
    response = client.post("/api/auth/refresh/", json={"refresh": forged_token(users.create())})
    assert_error(response, 401, "token_invalid")


def test_refresh_with_garbage_or_missing_token_is_400_or_401(client):
    assert_error(client.post("/api/auth/refresh/", json={}), 400)
    assert_error(client.post("/api/auth/refresh/", json={"refresh": 12}), 400)
    assert_error(client.post("/api/auth/refresh/", json={"refresh": "x" * 5000}), 400)
    assert_error(client.post("/api/auth/refresh/", json={"refresh": "not.a.jwt"}), 401)
    bad = client.post("/api/auth/refresh/", data="{", content_type="application/json")
    assert_error(bad, 400)


def test_refresh_for_a_banned_user_is_401(client, users):
    user = users.create()
    tokens = users.login(user)
    user.status = BANNED
    db.session.commit()
    response = client.post("/api/auth/refresh/", json={"refresh": tokens["refresh_token"]})
    assert_error(response, 401, "session_revoked")


def test_logout_revokes_refresh_and_access_tokens(client, users):
    tokens = users.login(users.create())
    response = client.post(
        "/api/auth/logout/",
        json={"refresh_token": tokens["refresh_token"]},
        headers=bearer(tokens["access_token"]),
    )
    assert response.status_code == 200 and response.get_json()["success"] is True
    assert_error(client.post("/api/auth/refresh/", json={"refresh": tokens["refresh_token"]}), 401)
    assert_error(_me(client, tokens["access_token"]), 401, "token_revoked")


def test_logout_without_body_revokes_the_current_session(client, users):
    user = users.create()
    first, second = users.login(user), users.login(user)
    assert (
        client.post("/api/auth/logout/", headers=bearer(first["access_token"])).status_code == 200
    )
    assert_error(_me(client, first["access_token"]), 401)
    assert _me(client, second["access_token"]).status_code == 200


def test_logout_with_another_users_refresh_token_is_403_and_revokes_nothing(client, users):
    mine, theirs = users.login(users.create()), users.login(users.create())
    response = client.post(
        "/api/auth/logout/",
        json={"refresh_token": theirs["refresh_token"]},
        headers=bearer(mine["access_token"]),
    )
    assert_error(response, 403)
    assert db.session.scalar(select(UserSession).where(UserSession.revoked_at.is_not(None))) is None
    assert _me(client, theirs["access_token"]).status_code == 200


def test_logout_with_an_invalid_refresh_token_is_400(client, users):
    tokens = users.login(users.create())
    headers = bearer(tokens["access_token"])
    bad = client.post("/api/auth/logout/", json={"refresh_token": "garbage"}, headers=headers)
    assert_error(bad, 400, "token_invalid")
    wrong_type = client.post("/api/auth/logout/", json={"refresh_token": 5}, headers=headers)
    assert_error(wrong_type, 400)
    assert _me(client, tokens["access_token"]).status_code == 200


def test_logout_without_a_token_is_401(client):
    assert_error(client.post("/api/auth/logout/", json={}), 401)


def test_forged_access_token_is_401(client, users, forged_token):
    user = users.create()
    session_id = decode_token(users.login(user)["access_token"])["sid"]
    assert_error(_me(client, forged_token(user, session_id)), 401, "token_invalid")


def test_expired_access_token_is_401(client, users, expired_token):
    user = users.create()
    session_id = decode_token(users.login(user)["access_token"])["sid"]
    assert_error(_me(client, expired_token(user, session_id)), 401, "token_expired")


def test_banned_users_old_access_token_is_401(client, users):
    user = users.create()
    tokens = users.login(user)
    db.session.get(User, user.id).status = BANNED
    db.session.commit()
    assert_error(_me(client, tokens["access_token"]), 401, "account_inactive")
    assert users.create().email  # the server keeps serving others
    assert PASSWORD


def test_expired_refresh_token_is_401(client, users):
    from datetime import timedelta

    from flask_jwt_extended import create_refresh_token

    user = users.create()
    sid = decode_token(users.login(user)["refresh_token"])["sid"]
    stale = create_refresh_token(
        identity=str(user.id), additional_claims={"sid": sid}, expires_delta=timedelta(seconds=-5)
    )
    assert_error(client.post("/api/auth/refresh/", json={"refresh": stale}), 401, "token_invalid")
