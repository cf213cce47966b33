"""Fixtures of the site tests: staff of each rank and their headers, maintenance switched on."""

import pytest

from watchparty.site import maintenance


@pytest.fixture
def admin(users):
    """A staff user (an admin)."""
    return users.admin(email="admin@example.com", first_name="Ada", last_name="Admin")


@pytest.fixture
def admin_headers(admin, auth):
    """The admin's Authorization headers."""
    return auth(admin)


@pytest.fixture
def superuser(users):
    """A superuser, who manages staff."""
    return users.superuser(email="root@example.com", first_name="Sue", last_name="Root")


@pytest.fixture
def maintenance_on(admin):
    """Switch maintenance mode on (as the admin) with a message and no end time."""

    def switch(message: str = "Upgrading the database.", until=None) -> dict:
        return maintenance.switch(admin.id, {"enabled": True, "message": message, "until": until})

    return switch
