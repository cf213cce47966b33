"""Every 4xx/5xx under /api/ uses the one error shape; no stack trace or SQL reaches a client."""

import pytest
from sqlalchemy import text

from tests import conftest
from tests.separate_app import separate_app
from watchparty.errors import Conflict
from watchparty.extensions import db

SHAPE = {"success", "error", "message", "detail", "errors", "timestamp"}


def assert_shape(response, status: int, code: str) -> dict:
    body = response.get_json()
    assert response.status_code == status, body
    assert set(body) == SHAPE
    assert body["success"] is False and body["error"] == code
    assert isinstance(body["errors"], dict) and body["timestamp"].endswith("Z")
    assert response.mimetype == "application/json"
    return body


def assert_no_internals(response) -> None:
    text_ = response.get_data(as_text=True)
    for leak in ("Traceback", 'File "', "RuntimeError", "secret-detail", "SELECT", "sqlite"):
        assert leak not in text_


@pytest.fixture
def failing_app(tmp_path_factory, smtp):
    """A separate app (production-like: not TESTING) with routes that fail on purpose."""
    base = conftest.make_test_config(tmp_path_factory, smtp)
    with separate_app(base, TESTING=False) as app:

        @app.get("/api/boom/")
        def boom():
            raise RuntimeError("secret-detail of an internal failure")

        @app.get("/api/sql-boom/")
        def sql_boom():
            db.session.execute(text("SELECT * FROM no_such_table_secret-detail"))

        @app.get("/api/conflict/")
        def conflict():
            raise Conflict("Already there.", code="already_there", errors={"name": ["taken"]})

        @app.get("/page-boom/")
        def page_boom():
            raise RuntimeError("secret-detail")

        yield app


def test_unknown_api_path_is_404_in_the_error_shape(client):
    assert_shape(client.get("/api/no/such/thing/"), 404, "not_found")


def test_unknown_nested_api_path_with_post_is_404(client):
    assert_shape(client.post("/api/nothing-here/", json={"a": 1}), 404, "not_found")


def test_wrong_method_is_405_in_the_error_shape(client):
    response = client.put("/api/health/")
    assert_shape(response, 405, "method_not_allowed")
    assert "GET" in response.headers["Allow"]


def test_unknown_id_in_a_uuid_route_is_404(client):
    assert_shape(client.get("/api/admin/users/not-a-uuid/"), 404, "not_found")


def test_unhandled_exception_is_500_without_traceback(failing_app):
    response = failing_app.test_client().get("/api/boom/")
    body = assert_shape(response, 500, "server_error")
    assert body["message"] == "An unexpected error occurred."
    assert_no_internals(response)


def test_database_error_is_500_without_sql(failing_app):
    response = failing_app.test_client().get("/api/sql-boom/")
    assert_shape(response, 500, "server_error")
    assert_no_internals(response)


def test_domain_error_maps_to_its_status_code_and_fields(failing_app):
    body = assert_shape(failing_app.test_client().get("/api/conflict/"), 409, "already_there")
    assert body["message"] == "Already there." and body["errors"] == {"name": ["taken"]}


def test_unhandled_exception_outside_the_api_is_a_plain_500(failing_app):
    response = failing_app.test_client().get("/page-boom/")
    assert response.status_code == 500
    assert_no_internals(response)


def test_json_clients_get_the_error_shape_outside_the_api_too(failing_app):
    client = failing_app.test_client()
    response = client.get("/no-such-page/", headers={"Accept": "application/json"})
    assert_shape(response, 404, "not_found")


def test_malformed_json_is_400_invalid_json(client, users):
    from watchparty.auth.tokens import start_session

    admin, target = users.admin(), users.create()
    with client.application.test_request_context():
        token = start_session(admin)["access_token"]
        db.session.commit()
    response = client.post(
        f"/api/admin/users/{target.id}/ban/",
        data='{"reason": "unterminated',
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    body = assert_shape(response, 400, "invalid_json")
    assert body["errors"]


def test_body_over_the_size_limit_is_413(tmp_path_factory, smtp):
    base = conftest.make_test_config(tmp_path_factory, smtp)
    with separate_app(base, MAX_CONTENT_LENGTH=64) as app:
        response = app.test_client().post(
            "/api/auth/login/", data="x" * 1024, content_type="application/json"
        )
        assert_shape(response, 413, "payload_too_large")
