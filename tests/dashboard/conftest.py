"""Fixtures of the dashboard tests: sessions opened through the real token service."""

import pytest

from watchparty.auth.tokens import start_session
from watchparty.extensions import db


@pytest.fixture
def auth():
    """Authorization headers for a freshly signed-in user."""

    def headers(user) -> dict:
        tokens = start_session(user)
        db.session.commit()
        return {"Authorization": f"Bearer {tokens['access_token']}"}

    return headers


@pytest.fixture
def me(users, auth):
    """A signed-in user and their headers."""
    user = users.create(first_name="Ada", last_name="Lovelace")
    return user, auth(user)
