"""With Redis down, requests that need it answer 503 with Retry-After in the one error shape."""

import socket

import pytest
import redis

from tests import conftest
from tests.factories import PASSWORD
from tests.parties.helpers import create_party
from tests.separate_app import separate_app
from watchparty import errors
from watchparty.errors import AppError, NotFound

SHAPE = {"success", "error", "message", "detail", "errors", "timestamp"}


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def down(app, tmp_path_factory, smtp):
    """A second app on the same database whose Redis (live state, jobs, limits) is down."""
    dead = f"redis://127.0.0.1:{closed_port()}/0"
    base = conftest.make_test_config(tmp_path_factory, smtp)
    base["SQLALCHEMY_DATABASE_URI"] = app.config["SQLALCHEMY_DATABASE_URI"]
    with separate_app(base, REDIS_URL=dead, RATELIMIT_STORAGE_URI=dead) as down_app:
        yield down_app.test_client()


@pytest.fixture
def party(client, auth, users):
    """A public party made on the main app (Redis up), and its host's headers."""
    headers = auth(users.create())
    return create_party(client, headers), headers


def assert_503(response) -> dict:
    body = response.get_json()
    assert response.status_code == 503, body
    assert set(body) == SHAPE and body["error"] == "service_unavailable"
    assert int(response.headers["Retry-After"]) > 0
    return body


def test_login_is_503_with_retry_after(down, users):
    user = users.create()
    assert_503(down.post("/api/auth/login/", json={"email": user.email, "password": PASSWORD}))


def test_register_is_503_with_retry_after(down):
    body = {
        "email": "new-user@example.com",
        "password": PASSWORD,
        "confirm_password": PASSWORD,
        "first_name": "New",
        "last_name": "User",
    }
    assert_503(down.post("/api/auth/register/", json=body))


def test_party_read_is_503(down, party):
    created, headers = party
    assert_503(down.get(f"/api/parties/{created['id']}/", headers=headers))


def test_chat_send_is_503(down, party):
    created, headers = party
    response = down.post(
        f"/api/chat/{created['id']}/messages/send/", json={"message": "hi"}, headers=headers
    )
    assert_503(response)


@pytest.mark.parametrize(
    "exc", [redis.exceptions.ConnectionError("refused"), redis.exceptions.TimeoutError("slow")]
)
def test_redis_failures_map_to_a_503_with_retry_after_for_socket_acks(exc):
    error = errors.app_error_for(exc)
    assert isinstance(error, AppError) and error.status == 503
    assert error.code == "service_unavailable" and int(error.headers["Retry-After"]) > 0


def test_a_redis_failure_wrapped_by_a_library_is_found_through_its_cause():
    try:
        try:
            raise redis.exceptions.ConnectionError("refused")
        except redis.exceptions.ConnectionError as inner:
            raise RuntimeError("enqueue failed") from inner
    except RuntimeError as outer:
        assert errors.app_error_for(outer).status == 503


def test_other_errors_are_left_to_the_caller():
    assert errors.app_error_for(ValueError("bug")) is None
    missing = NotFound("No party.")
    assert errors.app_error_for(missing) is missing
