"""Verification and reset emails, followed from the real SMTP sink to the pages they link."""

import re
from urllib.parse import urlparse

from sqlalchemy import func, select

from tests.auth.conftest import NEW_PASSWORD
from tests.factories import PASSWORD
from tests.helpers import assert_error
from watchparty.auth.models import UserToken
from watchparty.extensions import db
from watchparty.users.models import Activity, User


def _link(smtp, to: str, path: str) -> str:
    """The path and query of the first `path` link in the plain-text email to `to`."""
    text = smtp.text_of(smtp.wait_for(to))
    url = re.search(rf"https?://\S+{path}\?token=\S+", text).group(0)
    assert url.startswith("http://localhost:5000/")
    parts = urlparse(url)
    return f"{parts.path}?{parts.query}"


def _token(link: str) -> str:
    return link.split("token=", 1)[1]


def test_following_the_verification_email_link_verifies_the_account(client, signup, smtp, run_jobs):
    body = signup()
    assert client.post("/api/auth/register/", json=body).status_code == 201
    run_jobs()
    link = _link(smtp, body["email"], "/verify-email")
    page = client.get(link)
    assert page.status_code == 200
    assert 'data-status="verified"' in page.get_data(as_text=True)
    user = db.session.scalar(select(User).where(User.email == body["email"]))
    assert user.is_verified is True
    again = client.get(link)
    assert again.status_code == 400 and 'data-status="invalid"' in again.get_data(as_text=True)


def test_verify_email_api_verifies_once(client, signup, smtp, run_jobs):
    body = signup()
    client.post("/api/auth/register/", json=body)
    run_jobs()
    token = _token(_link(smtp, body["email"], "/verify-email"))
    response = client.post("/api/auth/verify-email/", json={"token": token})
    assert response.status_code == 200 and response.get_json()["success"] is True
    types = db.session.scalars(select(Activity.type)).all()
    assert "email_verified" in types
    reused = client.post("/api/auth/verify-email/", json={"token": token})
    assert_error(reused, 400, "token_invalid")


def test_verify_email_page_without_token_is_400(client):
    assert client.get("/verify-email").status_code == 400
    assert client.get("/verify-email?token=nope").status_code == 400


def test_verify_email_with_bad_input_is_400(client):
    assert_error(client.post("/api/auth/verify-email/", json={}), 400, "validation_error")
    assert_error(client.post("/api/auth/verify-email/", json={"token": 7}), 400)
    assert_error(client.post("/api/auth/verify-email/", json={"token": "x" * 3000}), 400)
    assert_error(client.post("/api/auth/verify-email/", json={"token": "unknown"}), 400)
    bad = client.post("/api/auth/verify-email/", data="{", content_type="application/json")
    assert_error(bad, 400)


def test_verification_token_older_than_48h_is_rejected(client, signup, smtp, run_jobs):
    from datetime import timedelta

    body = signup()
    client.post("/api/auth/register/", json=body)
    run_jobs()
    token = _token(_link(smtp, body["email"], "/verify-email"))
    for row in db.session.scalars(select(UserToken)):
        row.expires_at = row.created_at + timedelta(hours=48) - timedelta(days=3)
    db.session.commit()
    assert_error(
        client.post("/api/auth/verify-email/", json={"token": token}), 400, "token_invalid"
    )
    assert db.session.scalar(select(User.is_verified)) is False


def test_resend_verification_answers_the_same_for_any_email(client, users, smtp, run_jobs):
    unverified = users.create(is_verified=False)
    verified = users.create()
    answers = [
        client.post("/api/auth/resend-verification/", json={"email": email})
        for email in (unverified.email, verified.email, "ghost@example.com")
    ]
    assert {a.status_code for a in answers} == {200}
    assert len({a.get_json()["message"] for a in answers}) == 1
    run_jobs()
    assert "/verify-email?token=" in smtp.text_of(smtp.wait_for(unverified.email))
    assert [m for m in smtp.messages if verified.email in str(m["To"])] == []


def test_resend_verification_with_bad_input_is_400(client):
    assert_error(client.post("/api/auth/resend-verification/", json={}), 400)
    assert_error(client.post("/api/auth/resend-verification/", json={"email": ["a"]}), 400)
    assert_error(client.post("/api/auth/resend-verification/", json={"email": "a" * 300}), 400)


def test_forgot_password_answers_the_same_whether_or_not_the_account_exists(
    client, users, run_jobs
):
    user = users.create()
    known = client.post("/api/auth/forgot-password/", json={"email": user.email})
    unknown = client.post("/api/auth/forgot-password/", json={"email": "ghost@example.com"})
    assert known.status_code == unknown.status_code == 200
    strip = lambda body: {k: v for k, v in body.items() if k != "timestamp"}  # noqa: E731
    assert strip(known.get_json()) == strip(unknown.get_json())
    run_jobs()  # the token is issued by the queued job, not on the request path
    assert db.session.scalar(select(func.count()).select_from(UserToken)) == 1


def test_reset_token_is_stored_hashed_and_expires_in_an_hour(client, users, smtp, run_jobs):
    user = users.create()
    client.post("/api/auth/forgot-password/", json={"email": user.email})
    run_jobs()
    token = _token(_link(smtp, user.email, "/reset-password"))
    row = db.session.scalar(select(UserToken))
    assert row.purpose == "reset_password" and token not in row.token_hash
    assert len(row.token_hash) == 64
    lifetime = (row.expires_at - row.created_at).total_seconds()
    assert 3590 <= lifetime <= 3610


def _reset_link(client, users, smtp, run_jobs):
    user = users.create()
    tokens = users.login(user)
    client.post("/api/auth/forgot-password/", json={"email": user.email})
    run_jobs()
    return user, tokens, _link(smtp, user.email, "/reset-password")


def test_reset_password_sets_the_password_and_signs_out_everywhere(client, users, smtp, run_jobs):
    user, tokens, link = _reset_link(client, users, smtp, run_jobs)
    body = {"token": _token(link), "new_password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD}
    response = client.post("/api/auth/reset-password/", json=body)
    assert response.status_code == 200, response.get_json()
    users.login(user, NEW_PASSWORD)
    assert_error(
        client.post("/api/auth/login/", json={"email": user.email, "password": PASSWORD}), 401
    )
    stale = client.post("/api/auth/refresh/", json={"refresh": tokens["refresh_token"]})
    assert_error(stale, 401)
    assert "password_reset" in db.session.scalars(select(Activity.type)).all()
    reused = client.post("/api/auth/reset-password/", json=body)
    assert_error(reused, 400, "token_invalid")


def test_reset_password_with_expired_token_is_400_and_keeps_the_password(
    client, users, smtp, run_jobs
):
    from datetime import timedelta

    user, _tokens, link = _reset_link(client, users, smtp, run_jobs)
    row = db.session.scalar(select(UserToken))
    row.expires_at = row.created_at - timedelta(seconds=1)
    db.session.commit()
    body = {"token": _token(link), "new_password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD}
    assert_error(client.post("/api/auth/reset-password/", json=body), 400, "token_invalid")
    users.login(user)


def test_reset_password_with_weak_or_mismatched_password_is_400_and_keeps_token(
    client, users, smtp, run_jobs
):
    user, _tokens, link = _reset_link(client, users, smtp, run_jobs)
    token = _token(link)
    weak = {"token": token, "new_password": "short", "confirm_password": "short"}
    assert (
        "new_password"
        in assert_error(client.post("/api/auth/reset-password/", json=weak), 400)["errors"]
    )
    mismatch = {"token": token, "new_password": NEW_PASSWORD, "confirm_password": "nope"}
    body = assert_error(client.post("/api/auth/reset-password/", json=mismatch), 400)
    assert "confirm_password" in body["errors"]
    users.login(user)
    assert db.session.scalar(select(UserToken.used_at)) is None


def test_reset_password_with_bad_input_is_400(client):
    assert_error(client.post("/api/auth/reset-password/", json={}), 400, "validation_error")
    unknown = {"token": "nope", "new_password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD}
    assert_error(client.post("/api/auth/reset-password/", json=unknown), 400, "token_invalid")
    typed = {"token": 1, "new_password": True, "confirm_password": None}
    assert_error(client.post("/api/auth/reset-password/", json=typed), 400)
    long = {"token": "t", "new_password": "a1" * 5000, "confirm_password": "a1" * 5000}
    assert_error(client.post("/api/auth/reset-password/", json=long), 400)


def test_reset_password_page_form_resets_the_password(client, users, smtp, run_jobs):
    user, _tokens, link = _reset_link(client, users, smtp, run_jobs)
    form = client.get(link)
    assert form.status_code == 200 and "<form" in form.get_data(as_text=True)
    assert form.headers["Cache-Control"] == "no-store"
    data = {"token": _token(link), "new_password": "short", "confirm_password": "short"}
    assert client.post("/reset-password", data=data).status_code == 400
    data.update(new_password=NEW_PASSWORD, confirm_password=NEW_PASSWORD)
    done = client.post("/reset-password", data=data)
    assert done.status_code == 200 and 'data-status="reset"' in done.get_data(as_text=True)
    users.login(user, NEW_PASSWORD)
    assert client.post("/reset-password", data=data).status_code == 400


def test_reset_password_page_without_token_shows_an_error(client):
    page = client.get("/reset-password")
    assert page.status_code == 200 and "<form" not in page.get_data(as_text=True)
    assert client.post("/reset-password", data={}).status_code == 400
