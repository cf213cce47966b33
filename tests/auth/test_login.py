"""POST /api/auth/login/ and the shared complete_sign_in."""

from datetime import timedelta

from sqlalchemy import select

from tests.auth.conftest import SECRET
from tests.factories import PASSWORD
from tests.helpers import assert_error, bearer
from watchparty.auth.models import UserSession
from watchparty.auth.service import complete_sign_in
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.users.models import BANNED, DELETED, SUSPENDED, Activity


def _login(client, email, password=PASSWORD, **kwargs):
    return client.post("/api/auth/login/", json={"email": email, "password": password}, **kwargs)


def test_login_returns_tokens_and_user(client, users):
    user = users.create(email="ann@example.com")
    response = _login(client, "ANN@example.com ")
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["success"] is True and body["access_token"] and body["refresh_token"]
    assert body["user"]["id"] == str(user.id)
    assert body["user"]["last_login"].endswith("Z")
    assert client.get("/api/test/", headers=bearer(body["access_token"])).get_json()[
        "authenticated"
    ]


def test_login_records_sign_in_and_opens_a_session(client, users):
    user = users.create()
    _login(client, user.email)
    assert db.session.scalar(select(Activity.type).where(Activity.user_id == user.id)) == "sign_in"
    assert db.session.scalar(select(UserSession).where(UserSession.user_id == user.id))


def test_login_with_wrong_password_is_401(client, users):
    user = users.create()
    body = assert_error(_login(client, user.email, "Wrong-Passw0rd!"), 401, "invalid_credentials")
    unknown = assert_error(_login(client, "nobody@example.com"), 401, "invalid_credentials")
    assert body["message"] == unknown["message"]


def test_login_of_a_deleted_account_is_401(client, users):
    user = users.create(status=DELETED)
    assert_error(_login(client, user.email), 401, "invalid_credentials")


def test_login_of_a_suspended_account_is_403_with_reason_and_until(client, users):
    until = utcnow() + timedelta(days=2)
    user = users.create(status=SUSPENDED, status_reason="spam", status_until=until)
    body = assert_error(_login(client, user.email), 403, "account_suspended")
    assert body["reason"] == "spam" and body["until"].endswith("Z")
    assert db.session.scalar(select(UserSession)) is None


def test_login_of_a_banned_account_is_403(client, users):
    user = users.create(status=BANNED, status_reason="abuse")
    body = assert_error(_login(client, user.email), 403, "account_banned")
    assert body["reason"] == "abuse" and body["until"] is None


def test_login_after_a_timed_suspension_lapses_works(client, users):
    user = users.create(status=SUSPENDED, status_until=utcnow() - timedelta(minutes=1))
    assert _login(client, user.email).status_code == 200


def test_login_with_missing_fields_is_400(client):
    body = assert_error(client.post("/api/auth/login/", json={}), 400, "validation_error")
    assert {"email", "password"} <= set(body["errors"])


def test_login_with_wrong_types_is_400(client):
    response = client.post("/api/auth/login/", json={"email": 5, "password": {"a": 1}})
    body = assert_error(response, 400)
    assert {"email", "password"} <= set(body["errors"])


def test_login_with_malformed_json_is_400(client):
    response = client.post("/api/auth/login/", data="{", content_type="application/json")
    assert_error(response, 400)


def test_login_with_10k_char_password_is_400(client, users):
    user = users.create()
    assert_error(_login(client, user.email, "x" * 10_000), 400)


def test_complete_sign_in_returns_tokens_for_active_user(app, users):
    user = users.create()
    with app.test_request_context("/"):
        body = complete_sign_in(user)
    assert body["success"] is True and body["access_token"] and body["user"]["id"] == str(user.id)
    assert db.session.scalar(select(UserSession).where(UserSession.user_id == user.id))


def test_complete_sign_in_answers_a_2fa_challenge_when_enabled(app, users):
    user = users.create(totp_enabled=True, totp_secret=SECRET)
    with app.test_request_context("/"):
        body = complete_sign_in(user)
    assert body["requires_2fa"] is True and body["two_factor_token"]
    assert "access_token" not in body


def test_complete_sign_in_refuses_a_banned_user(app, users):
    import pytest

    from watchparty.errors import Forbidden

    user = users.create(status=BANNED)
    with app.test_request_context("/"), pytest.raises(Forbidden) as caught:
        complete_sign_in(user)
    assert caught.value.code == "account_banned"


def test_login_with_300_char_email_is_400(client):
    assert_error(_login(client, "a" * 300 + "@example.com"), 400)
