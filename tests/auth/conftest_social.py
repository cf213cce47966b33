"""Fixtures for the social sign-in tests: the loopback provider and the app pointed at it."""

import pytest
from sqlalchemy import func, select

from tests.auth.oidc_provider import Provider, oauth_settings
from watchparty.auth import social_http
from watchparty.auth.models import SocialAccount
from watchparty.extensions import db
from watchparty.users.models import Activity, User

CALLBACK = "http://localhost:5000/auth/callback/{}"


@pytest.fixture(scope="session", name="provider")
def provider_server():
    """The loopback OpenID/OAuth provider, for the whole run."""
    server = Provider().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True, name="oauth")
def oauth_for_provider(app, provider):
    """Point the app's OAUTH settings at the provider; restore them afterwards."""
    saved = app.config["OAUTH"]
    app.config["OAUTH"] = oauth_settings(provider)
    social_http.clear_cache()
    provider.reset()
    yield app.config["OAUTH"]
    app.config["OAUTH"] = saved
    social_http.clear_cache()
    provider.reset()


def count(model) -> int:
    """Rows in a table, read fresh."""
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def stored() -> tuple[int, int, int]:
    """(users, social accounts, activities): to show a failed request stored nothing."""
    return count(User), count(SocialAccount), count(Activity)


def activity_types(user_id) -> list[str]:
    """The activity types recorded for a user."""
    stmt = select(Activity.type).where(Activity.user_id == user_id)
    return sorted(db.session.scalars(stmt))


def assert_error(response, status: int, code: str) -> dict:
    """The response is the error shape with this status and code."""
    body = response.get_json()
    assert response.status_code == status, body
    assert body["success"] is False and body["error"] == code, body
    assert body["message"] and "timestamp" in body
    return body
