"""Fixtures for admin tests: a staff user and their headers."""

import pytest


@pytest.fixture
def admin(users):
    """A staff user."""
    return users.admin(email="admin@example.com", first_name="Ada", last_name="Admin")


@pytest.fixture
def admin_headers(admin, auth):
    """The staff user's Authorization headers."""
    return auth(admin)
