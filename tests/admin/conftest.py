"""Fixtures for admin tests: bearer tokens minted through the real session machinery."""

import pytest

from watchparty.auth.tokens import start_session
from watchparty.extensions import db


@pytest.fixture
def bearer(app):
    """Make Authorization headers for a user from a freshly started session."""

    def make(user) -> dict:
        with app.test_request_context("/api/auth/login/"):
            pair = start_session(user)
            db.session.commit()
        return {"Authorization": f"Bearer {pair['access_token']}"}

    return make


@pytest.fixture
def admin(users):
    """A staff user."""
    return users.admin(email="admin@example.com", first_name="Ada", last_name="Admin")


@pytest.fixture
def admin_headers(admin, bearer):
    """The staff user's Authorization headers."""
    return bearer(admin)


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The response is the project's error shape with `status` (and `code`)."""
    body = response.get_json()
    assert response.status_code == status, body
    assert body["success"] is False
    assert set(body) >= {"error", "message", "detail", "errors", "timestamp"}
    if code:
        assert body["error"] == code, body
    return body
