"""Every users/dashboard endpoint needs a valid, live token of an active account."""

import uuid
from datetime import timedelta

import jwt as pyjwt
import pytest
from flask_jwt_extended import create_access_token

from watchparty.auth.tokens import revoke_all
from watchparty.extensions import db
from watchparty.users.models import BANNED, SUSPENDED

SOME_ID = uuid.uuid4()
ENDPOINTS = [
    ("get", "/api/users/profile/"),
    ("put", "/api/users/profile/"),
    ("patch", "/api/users/profile/"),
    ("put", "/api/users/profile/update/"),
    ("patch", "/api/users/profile/update/"),
    ("get", "/api/auth/profile/"),
    ("put", "/api/auth/profile/"),
    ("patch", "/api/auth/profile/"),
    ("post", "/api/users/avatar/upload/"),
    ("get", "/api/users/stats/"),
    ("get", "/api/users/dashboard/stats/"),
    ("get", "/api/users/settings/"),
    ("put", "/api/users/settings/"),
    ("get", "/api/users/notifications/settings/"),
    ("put", "/api/users/notifications/settings/"),
    ("get", "/api/users/privacy/settings/"),
    ("patch", "/api/users/privacy/settings/"),
    ("get", f"/api/users/{SOME_ID}/profile/"),
    ("get", "/api/users/search/?q=ada"),
    ("get", "/api/users/onboarding/"),
    ("post", "/api/users/onboarding/"),
    ("get", "/api/users/activity/"),
    ("post", "/api/users/export-data/"),
    ("get", f"/api/users/export-data/{SOME_ID}/"),
    ("get", f"/api/users/export-data/{SOME_ID}/download/"),
    ("delete", "/api/users/delete-account/"),
    ("get", "/api/dashboard/stats/"),
    ("get", "/api/dashboard/activities/"),
]
IDS = [f"{method} {path}" for method, path in ENDPOINTS]


def _call(client, method, path, headers=None):
    return getattr(client, method)(path, headers=headers or {}, json={})


def _assert_401(response, code=None):
    body = response.get_json()
    assert response.status_code == 401, body
    assert body["success"] is False and set(body) >= {"error", "message", "timestamp"}
    if code:
        assert body["error"] == code


@pytest.mark.parametrize(("method", "path"), ENDPOINTS, ids=IDS)
def test_no_token_is_401(client, method, path):
    _assert_401(_call(client, method, path), "unauthorized")


@pytest.mark.parametrize(("method", "path"), ENDPOINTS, ids=IDS)
def test_forged_token_is_401(client, users, method, path):
    user = users.create()
    forged = pyjwt.encode(
        {"sub": str(user.id), "type": "access", "sid": str(uuid.uuid4()), "exp": 9999999999},
        "not-the-server-secret-but-long-enough-for-hs256",
        algorithm="HS256",
    )
    _assert_401(_call(client, method, path, {"Authorization": f"Bearer {forged}"}))


@pytest.mark.parametrize(("method", "path"), ENDPOINTS[:3] + ENDPOINTS[-3:])
def test_garbage_token_is_401(client, method, path):
    _assert_401(_call(client, method, path, {"Authorization": "Bearer abc.def.ghi"}))


def test_expired_token_is_401(client, users, signin):
    user = users.create()
    sid = signin(user)["session_id"]
    token = create_access_token(
        identity=str(user.id), additional_claims={"sid": sid}, expires_delta=timedelta(seconds=-5)
    )
    response = client.get("/api/users/profile/", headers={"Authorization": f"Bearer {token}"})
    _assert_401(response, "token_expired")


def test_refresh_token_is_not_an_access_token(client, users, signin):
    user = users.create()
    refresh = signin(user)["refresh_token"]
    response = client.get("/api/users/profile/", headers={"Authorization": f"Bearer {refresh}"})
    _assert_401(response)


def test_revoked_session_token_is_401(client, users, auth):
    user = users.create()
    headers = auth(user)
    revoke_all(user.id, "test")
    db.session.commit()
    _assert_401(client.get("/api/users/settings/", headers=headers), "token_revoked")


@pytest.mark.parametrize("status", [BANNED, SUSPENDED])
def test_old_token_of_a_banned_or_suspended_user_is_401(client, users, auth, status):
    user = users.create()
    headers = auth(user)
    user.status = status
    db.session.commit()
    for method, path in ENDPOINTS:
        _assert_401(_call(client, method, path, headers))
