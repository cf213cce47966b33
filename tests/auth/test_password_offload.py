"""Password hashing goes through the blocking-call runner that wsgi.py installs on event loops."""

import pytest

from watchparty.common import blocking
from watchparty.users.passwords import check_password, hash_password


@pytest.fixture
def recording_runner():
    calls = []

    def runner(fn, *args):
        calls.append(fn.__name__)
        return fn(*args)

    blocking.install(runner)
    yield calls
    blocking.install(None)


def test_hash_and_verify_run_through_the_installed_runner(recording_runner):
    hashed = hash_password("Sturdy-Passw0rd!")
    assert check_password(hashed, "Sturdy-Passw0rd!") is True
    assert check_password(hashed, "wrong-passw0rd") is False
    assert recording_runner == ["hash", "verify", "verify"]


def test_without_a_runner_calls_run_in_place():
    blocking.install(None)
    assert blocking.run(lambda a, b: a + b, 2, 3) == 5
