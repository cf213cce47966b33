"""The per-account sign-in limit counts failures per account and client IP, not per email alone."""

from tests.factories import PASSWORD
from tests.helpers import assert_error

WRONG = "Wrong-Passw0rd!"
ATTACKER, OWNER = "10.0.0.1", "10.0.0.2"


def _login(client, email, ip, password=WRONG):
    return client.post(
        "/api/auth/login/",
        json={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": ip},
    )


def _fail_five_times(client, email, ip=ATTACKER):
    for _ in range(5):
        assert _login(client, email, ip).status_code == 401


def test_five_wrong_passwords_from_one_ip_do_not_lock_the_owner_out_elsewhere(client, users):
    user = users.create()
    _fail_five_times(client, user.email)
    response = _login(client, user.email, OWNER, password=PASSWORD)
    assert response.status_code == 200, response.get_json()


def test_the_sixth_wrong_password_from_the_same_ip_for_that_account_is_429(client, users):
    user = users.create()
    _fail_five_times(client, user.email)
    blocked = _login(client, f"  {user.email.upper()} ", ATTACKER)
    body = assert_error(blocked, 429, "rate_limited")
    assert "Too many requests" in body["message"]
    assert blocked.headers["X-RateLimit-Limit"] == "5"
    assert "Retry-After" in blocked.headers
    assert_error(_login(client, user.email, ATTACKER, password=PASSWORD), 429, "rate_limited")


def test_the_locked_ip_may_still_fail_on_another_account_until_the_per_ip_limit(client, users):
    user, other = users.create(), users.create()
    _fail_five_times(client, user.email)
    assert _login(client, other.email, ATTACKER).status_code == 401
    assert _login(client, other.email, OWNER, password=PASSWORD).status_code == 200
