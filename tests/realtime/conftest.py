"""Fixtures of the /party tests."""

import pytest

from tests.realtime.partykit import Parties


@pytest.fixture
def parties(users, sockets):
    """Party factory and joined /party sockets."""
    return Parties(users, sockets)
