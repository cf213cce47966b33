"""Forgot-password does the same work on the request path for known and unknown emails."""

import pytest
from sqlalchemy import func, select

from watchparty.auth.models import UserToken
from watchparty.extensions import db
from watchparty.jobs import jobs
from watchparty.users.models import DELETED


def _tokens() -> int:
    return db.session.scalar(select(func.count()).select_from(UserToken))


def _forgot(client, email):
    response = client.post("/api/auth/forgot-password/", json={"email": email})
    assert response.status_code == 200, response.get_json()
    return response


@pytest.fixture
def enqueued(monkeypatch):
    """Record every job the request path enqueues, without running any."""
    calls: list[tuple] = []
    monkeypatch.setattr(jobs, "enqueue", lambda *args, **kwargs: calls.append(args) or "job-id")
    return calls


def test_known_and_unknown_emails_each_enqueue_one_job_and_issue_no_token(
    client, users, smtp, enqueued
):
    user = users.create()
    _forgot(client, f"  {user.email.upper()} ")
    _forgot(client, "ghost@example.com")
    assert _tokens() == 0
    assert len(enqueued) == 2
    known, unknown = enqueued
    assert known[:2] == unknown[:2]  # the same queue and job function
    assert known[2:] == (user.email,) and unknown[2:] == ("ghost@example.com",)
    assert smtp.messages == []


def test_the_known_emails_job_issues_the_token_and_sends_the_reset_email(
    client, users, smtp, run_jobs
):
    user = users.create()
    _forgot(client, user.email)
    # No token on the request path is pinned above; embedded jobs start at once in a thread.
    run_jobs()
    assert db.session.scalar(select(UserToken.purpose)) == "reset_password"
    assert _tokens() == 1
    assert "/reset-password?token=" in smtp.text_of(smtp.wait_for(user.email))


def test_the_job_of_an_unknown_or_deleted_email_issues_nothing_and_sends_nothing(
    client, users, smtp, run_jobs
):
    gone = users.create(status=DELETED)
    _forgot(client, gone.email)
    _forgot(client, "ghost@example.com")
    run_jobs()
    assert _tokens() == 0
    assert smtp.messages == []
