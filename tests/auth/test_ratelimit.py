"""Brute-force limits on login, the 2FA step and email-sending endpoints."""

import pytest

from tests.auth.conftest import SECRET
from tests.factories import PASSWORD
from tests.helpers import assert_error

WRONG = "Wrong-Passw0rd!"


@pytest.fixture
def limits(app):
    """Small limits for the test, restored afterwards."""
    saved = {k: app.config.get(k) for k in ("LOGIN_RATE_LIMIT", "ACCOUNT_RATE_LIMIT")}
    app.config.update(LOGIN_RATE_LIMIT="4 per minute", ACCOUNT_RATE_LIMIT="3 per minute")
    yield
    app.config.update(saved)


def _login(client, email, ip, password=WRONG):
    return client.post(
        "/api/auth/login/",
        json={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": ip},
    )


def test_login_reports_rate_limit_headers(client, users, limits):
    response = _login(client, users.create().email, "10.0.0.1")
    assert response.status_code == 401
    assert response.headers["X-RateLimit-Limit"] in ("3", "4")
    assert "X-RateLimit-Remaining" in response.headers
    assert "X-RateLimit-Reset" in response.headers


def test_per_account_limit_counts_failures_per_account_and_ip(client, users, limits):
    user = users.create()
    for _n in range(3):
        assert _login(client, user.email, "10.0.1.1").status_code == 401
    response = _login(client, user.email.upper(), "10.0.1.1", password=PASSWORD)
    body = assert_error(response, 429, "rate_limited")
    assert "Too many requests" in body["message"]
    assert response.headers["X-RateLimit-Limit"] == "3"
    assert response.headers["X-RateLimit-Remaining"] == "0"
    assert int(response.headers["X-RateLimit-Reset"]) > 0
    assert "Retry-After" in response.headers
    assert _login(client, user.email, "10.0.1.99", password=PASSWORD).status_code == 200
    other = _login(client, users.create().email, "10.0.1.1", password=PASSWORD)
    assert other.status_code == 200


def test_per_ip_limit_trips_across_different_accounts(client, users, limits):
    accounts = [users.create() for _ in range(5)]
    for account in accounts[:4]:
        assert _login(client, account.email, "10.0.2.1").status_code == 401
    response = _login(client, accounts[4].email, "10.0.2.1", password=PASSWORD)
    assert_error(response, 429, "rate_limited")
    assert response.headers["X-RateLimit-Limit"] == "4"
    assert _login(client, accounts[4].email, "10.0.2.2", password=PASSWORD).status_code == 200


def test_two_factor_step_is_limited_per_account_across_ips(client, users, limits):
    user = users.create(totp_enabled=True, totp_secret=SECRET)
    challenge = _login(client, user.email, "10.0.3.1", password=PASSWORD).get_json()
    token = challenge["two_factor_token"]
    for n in range(3):
        response = client.post(
            "/api/auth/2fa/verify/",
            json={"two_factor_token": token, "code": "000000"},
            environ_base={"REMOTE_ADDR": f"10.0.3.{10 + n}"},
        )
        assert response.status_code == 400
    response = client.post(
        "/api/auth/2fa/verify/",
        json={"two_factor_token": token, "code": "000000"},
        environ_base={"REMOTE_ADDR": "10.0.3.50"},
    )
    assert_error(response, 429, "rate_limited")


def test_forgot_password_is_limited_per_ip(client, app):
    for n in range(5):
        response = client.post(
            "/api/auth/forgot-password/",
            json={"email": f"someone{n}@example.com"},
            environ_base={"REMOTE_ADDR": "10.0.4.1"},
        )
        assert response.status_code == 200
    response = client.post(
        "/api/auth/forgot-password/",
        json={"email": "someone-else@example.com"},
        environ_base={"REMOTE_ADDR": "10.0.4.1"},
    )
    assert_error(response, 429, "rate_limited")


def test_resend_verification_is_limited_per_ip(client):
    for n in range(5):
        client.post(
            "/api/auth/resend-verification/",
            json={"email": f"x{n}@example.com"},
            environ_base={"REMOTE_ADDR": "10.0.5.1"},
        )
    response = client.post(
        "/api/auth/resend-verification/",
        json={"email": "y@example.com"},
        environ_base={"REMOTE_ADDR": "10.0.5.1"},
    )
    assert_error(response, 429, "rate_limited")


def test_successful_logins_do_not_count_towards_the_limits(client, users, limits):
    user = users.create()
    for _n in range(6):
        assert _login(client, user.email, "10.0.6.1", password=PASSWORD).status_code == 200
    assert _login(client, user.email, "10.0.6.1").status_code == 401


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("delete", "/api/users/delete-account/", {"password": WRONG, "confirmation": "DELETE"}),
        (
            "post",
            "/api/auth/change-password/",
            {
                "current_password": WRONG,
                "new_password": "N3w-Passw0rd!",
                "confirm_password": "N3w-Passw0rd!",
            },
        ),
        ("delete", "/api/auth/2fa/disable/", {"password": WRONG}),
    ],
)
def test_password_rechecks_by_a_signed_in_user_are_limited(
    client, users, limits, method, path, body
):
    user = users.create()
    headers = users.headers(user)
    for n in range(3):
        response = getattr(client, method)(
            path, json=body, headers=headers, environ_base={"REMOTE_ADDR": f"10.0.9.{n}"}
        )
        assert response.status_code == 400, response.get_json()
    blocked = getattr(client, method)(path, json=body, headers=headers)
    assert_error(blocked, 429, "rate_limited")
    assert _login(client, user.email, "10.0.9.50", password=PASSWORD).status_code == 200
