"""Two-factor setup, confirmation, login step, backup codes and disable."""

import base64
import time

import pyotp
from sqlalchemy import select

from tests.factories import PASSWORD
from tests.helpers import assert_error, bearer
from watchparty.extensions import db
from watchparty.users.models import BANNED, Activity, User

VERIFY = "/api/auth/2fa/verify/"


def _setup(client, headers, path="/api/auth/2fa/setup/") -> dict:
    response = client.post(path, headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def _enable(client, users, user) -> tuple[dict, list[str]]:
    headers = users.headers(user)
    setup = _setup(client, headers)
    code = pyotp.TOTP(setup["secret"]).now()
    response = client.post(VERIFY, json={"code": code}, headers=headers)
    assert response.status_code == 200, response.get_json()
    return setup, response.get_json()["backup_codes"]


def _challenge(client, user) -> str:
    body = client.post("/api/auth/login/", json={"email": user.email, "password": PASSWORD})
    data = body.get_json()
    assert data["requires_2fa"] is True and "access_token" not in data
    return data["two_factor_token"]


def test_setup_returns_secret_png_qr_code_and_ten_backup_codes(client, users):
    setup = _setup(client, users.headers(users.create()))
    assert len(setup["secret"]) >= 26
    assert base64.b64decode(setup["qr_code"]).startswith(b"\x89PNG")
    assert not setup["qr_code"].startswith("data:")
    assert setup["otpauth_url"].startswith("otpauth://totp/")
    assert len(set(setup["backup_codes"])) == 10
    assert db.session.scalar(select(User.totp_enabled)) is False


def test_verify_with_correct_code_enables_2fa_and_stores_codes_hashed(client, users):
    user = users.create()
    setup, codes = _enable(client, users, user)
    assert codes == setup["backup_codes"]
    stored = db.session.get(User, user.id)
    assert stored.totp_enabled is True and stored.totp_pending_secret is None
    assert len(stored.backup_code_hashes) == 10
    assert not set(codes) & set(stored.backup_code_hashes)
    assert "2fa_enabled" in db.session.scalars(select(Activity.type)).all()


def test_verify_accepts_the_code_under_token(client, users):
    headers = users.headers(users.create())
    setup = _setup(client, headers)
    response = client.post(
        VERIFY, json={"token": pyotp.TOTP(setup["secret"]).now()}, headers=headers
    )
    assert response.status_code == 200


def test_verify_with_wrong_code_is_400_and_leaves_2fa_off(client, users):
    headers = users.headers(users.create())
    _setup(client, headers)
    assert_error(client.post(VERIFY, json={"code": "000000"}, headers=headers), 400, "invalid_code")
    assert db.session.scalar(select(User.totp_enabled)) is False


def test_verify_without_setup_is_400(client, users):
    headers = users.headers(users.create())
    assert_error(client.post(VERIFY, json={"code": "123456"}, headers=headers), 400)


def test_login_with_2fa_needs_the_second_step(client, users):
    user = users.create()
    setup, _codes = _enable(client, users, user)
    token = _challenge(client, user)
    code = _next_code(setup["secret"])  # the enabling code's own step is spent
    response = client.post(VERIFY, json={"two_factor_token": token, "code": code})
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["access_token"] and body["refresh_token"] and body["user"]["id"] == str(user.id)
    assert (
        client.get("/api/auth/sessions/", headers=bearer(body["access_token"])).status_code == 200
    )


def _next_code(secret: str) -> str:
    return pyotp.TOTP(secret).at(time.time() + 30)


def test_a_totp_code_signs_in_only_once(client, users):
    user = users.create()
    setup, _codes = _enable(client, users, user)
    code = _next_code(setup["secret"])
    first = client.post(VERIFY, json={"two_factor_token": _challenge(client, user), "code": code})
    assert first.status_code == 200, first.get_json()
    replay = client.post(VERIFY, json={"two_factor_token": _challenge(client, user), "code": code})
    assert_error(replay, 400, "invalid_code")
    assert "access_token" not in replay.get_json()


def test_the_code_that_enabled_2fa_cannot_sign_in(client, users):
    user = users.create()
    setup, _codes = _enable(client, users, user)
    spent = pyotp.TOTP(setup["secret"]).now()
    response = client.post(
        VERIFY, json={"two_factor_token": _challenge(client, user), "code": spent}
    )
    assert_error(response, 400, "invalid_code")


def test_backup_code_works_once_in_place_of_a_totp_code(client, users):
    user = users.create()
    _setup_body, codes = _enable(client, users, user)
    first = client.post(
        VERIFY, json={"two_factor_token": _challenge(client, user), "code": codes[0]}
    )
    assert first.status_code == 200
    again = client.post(
        VERIFY, json={"two_factor_token": _challenge(client, user), "code": codes[0]}
    )
    assert_error(again, 400, "invalid_code")
    assert len(db.session.get(User, user.id).backup_code_hashes) == 9


def test_2fa_login_with_wrong_code_is_400_and_issues_nothing(client, users):
    user = users.create()
    _enable(client, users, user)
    token = _challenge(client, user)
    response = client.post(VERIFY, json={"two_factor_token": token, "code": "000000"})
    assert_error(response, 400, "invalid_code")


def test_2fa_login_with_forged_challenge_is_400(client, users):
    user = users.create()
    setup, _codes = _enable(client, users, user)
    code = _next_code(setup["secret"])
    forged = client.post(VERIFY, json={"two_factor_token": "forged.token", "code": code})
    assert_error(forged, 400, "token_invalid")
    assert_error(client.post(VERIFY, json={"code": code}), 400, "token_invalid")


def test_2fa_login_of_a_user_banned_after_the_password_step_is_403(client, users):
    user = users.create()
    setup, _codes = _enable(client, users, user)
    token = _challenge(client, user)
    db.session.get(User, user.id).status = BANNED
    db.session.commit()
    code = _next_code(setup["secret"])
    response = client.post(VERIFY, json={"two_factor_token": token, "code": code})
    assert_error(response, 403, "account_banned")


def test_verify_with_bad_input_is_400(client, users):
    headers = users.headers(users.create())
    assert_error(client.post(VERIFY, json={}, headers=headers), 400, "validation_error")
    assert_error(client.post(VERIFY, json={"code": 123456}, headers=headers), 400)
    assert_error(client.post(VERIFY, json={"code": "1" * 100}, headers=headers), 400)
    bad = client.post(VERIFY, data="{", content_type="application/json", headers=headers)
    assert_error(bad, 400)


def test_setup_when_already_enabled_is_409_and_keeps_the_secret(client, users):
    user = users.create()
    headers = users.headers(user)
    setup = _setup(client, headers)
    client.post(VERIFY, json={"code": pyotp.TOTP(setup["secret"]).now()}, headers=headers)
    assert_error(client.post("/api/auth/2fa/setup/", headers=headers), 409, "2fa_already_enabled")
    assert db.session.get(User, user.id).totp_secret == setup["secret"]


def test_disable_needs_the_password(client, users):
    user = users.create()
    setup, _codes = _enable(client, users, user)
    code = _next_code(setup["secret"])
    login = client.post(VERIFY, json={"two_factor_token": _challenge(client, user), "code": code})
    headers = bearer(login.get_json()["access_token"])
    wrong = client.delete("/api/auth/2fa/disable/", json={"password": "nope"}, headers=headers)
    assert "password" in assert_error(wrong, 400)["errors"]
    assert db.session.get(User, user.id).totp_enabled is True
    assert_error(client.delete("/api/auth/2fa/disable/", json={}, headers=headers), 400)
    ok = client.delete("/api/auth/2fa/disable/", json={"password": PASSWORD}, headers=headers)
    assert ok.status_code == 200
    stored = db.session.get(User, user.id)
    assert stored.totp_enabled is False and stored.backup_code_hashes == []
    assert "2fa_disabled" in db.session.scalars(select(Activity.type)).all()
    assert users.login(user)["access_token"]


def test_disable_when_not_enabled_is_400(client, users):
    headers = users.headers(users.create())
    response = client.post("/api/auth/2fa/disable/", json={"password": PASSWORD}, headers=headers)
    assert_error(response, 400, "2fa_not_enabled")


def test_users_aliases_set_up_and_disable_2fa(client, users):
    user = users.create()
    headers = users.headers(user)
    assert _setup(client, headers, "/api/users/2fa/enable/")["secret"]
    setup = _setup(client, headers, "/api/users/2fa/setup/")
    code = pyotp.TOTP(setup["secret"]).now()
    assert client.post(VERIFY, json={"code": code}, headers=headers).status_code == 200
    again = client.post("/api/users/2fa/setup/", headers=headers)
    assert_error(again, 409, "2fa_already_enabled")
    off = client.delete("/api/users/2fa/disable/", json={"password": PASSWORD}, headers=headers)
    assert off.status_code == 200


def test_2fa_endpoints_need_a_token(client):
    assert_error(client.post("/api/auth/2fa/setup/"), 401)
    assert_error(client.delete("/api/auth/2fa/disable/", json={"password": "x"}), 401)
    assert_error(client.post("/api/users/2fa/enable/"), 401)


def test_non_ascii_code_is_400_not_a_server_error(client, users):
    headers = users.headers(users.create())
    _setup(client, headers)
    response = client.post(VERIFY, json={"code": "١٢٣٤٥٦"}, headers=headers)
    assert_error(response, 400, "invalid_code")
