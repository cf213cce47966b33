"""Admin console sign-in: a cookie scoped to /admin/ opens the RQ dashboard in a browser."""

import time

import pyotp
import pytest

from tests.conftest import REDIS_URL
from tests.factories import PASSWORD
from watchparty.auth.models import UserSession
from watchparty.extensions import db

ORIGIN = {"Origin": "http://localhost"}
# The dashboard answers 200 with Redis, and explains itself with 503 on the embedded default.
DASHBOARD_OK = 200 if REDIS_URL else 503


def _sign_in(client, email, password=PASSWORD, **extra):
    return client.post("/admin/login", data={"email": email, "password": password, **extra})


def _console_cookie(client):
    return client.get_cookie("wp_admin", path="/admin/")


def test_login_page_is_a_form(client):
    page = client.get("/admin/login")
    assert page.status_code == 200 and b'name="password"' in page.data


def test_admin_signs_in_and_the_cookie_opens_the_dashboard(client, users):
    admin = users.admin()
    response = _sign_in(client, admin.email)
    assert response.status_code == 302 and response.headers["Location"] == "/admin/rq/"
    set_cookie = response.headers["Set-Cookie"]
    assert (
        "HttpOnly" in set_cookie
        and "SameSite=Strict" in set_cookie
        and "Path=/admin/" in set_cookie
    )
    assert client.get("/admin/rq/").status_code == DASHBOARD_OK


@pytest.mark.skipif(not REDIS_URL, reason="the dashboard's JSON needs Redis")
def test_the_dashboards_own_data_requests_work_with_the_cookie(client, users):
    _sign_in(client, users.admin().email)
    response = client.get("/admin/rq/0/data/queues.json")
    assert response.status_code == 200 and "queues" in response.get_json()


def test_the_console_cookie_does_not_authenticate_the_api(client, users):
    _sign_in(client, users.admin().email)
    assert _console_cookie(client) is not None
    assert client.get("/api/users/profile/").status_code == 401


def test_regular_user_cannot_sign_in_to_the_console(client, users):
    response = _sign_in(client, users.create().email)
    assert response.status_code == 403 and b"Only administrators" in response.data
    assert _console_cookie(client) is None


def test_wrong_password_is_401_and_sets_no_cookie(client, users):
    response = _sign_in(client, users.admin().email, password="Wrong-Passw0rd!")
    assert response.status_code == 401
    assert _console_cookie(client) is None


def test_admin_with_2fa_needs_the_code(client, users):
    secret = pyotp.random_base32()
    admin = users.admin(totp_secret=secret, totp_enabled=True)
    without = _sign_in(client, admin.email)
    assert without.status_code == 401 and b"authenticator" in without.data
    code = pyotp.TOTP(secret).at(time.time())
    assert _sign_in(client, admin.email, code=code).status_code == 302
    assert client.get("/admin/rq/").status_code == DASHBOARD_OK


def test_browser_without_a_session_is_sent_to_sign_in(client):
    response = client.get("/admin/rq/", headers={"Accept": "text/html"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/login?next=/admin/rq/"


def test_next_only_leads_inside_the_console(client, users):
    admin = users.admin()
    response = client.post(
        "/admin/login",
        data={"email": admin.email, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.headers["Location"] == "/admin/rq/"


def test_logout_from_another_origin_is_refused(client, users):
    _sign_in(client, users.admin().email)
    response = client.post("/admin/logout", headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert client.get("/admin/rq/").status_code == DASHBOARD_OK


def test_logout_revokes_the_console_session(client, users):
    _sign_in(client, users.admin().email)
    response = client.post("/admin/logout", headers=ORIGIN)
    assert response.status_code == 302
    assert db.session.query(UserSession).filter(UserSession.revoked_at.is_(None)).count() == 0
    assert client.get("/admin/rq/").status_code == 401


def test_revoking_the_session_elsewhere_ends_the_console(client, users):
    _sign_in(client, users.admin().email)
    session = db.session.query(UserSession).one()
    session.revoked_at = session.created_at
    db.session.commit()
    assert client.get("/admin/rq/").status_code == 401
