"""Assertions and small helpers shared by every test package."""


def bearer(token: str) -> dict:
    """Authorization header for an access token."""
    return {"Authorization": f"Bearer {token}"}


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The response is the project's error shape with `status` (and `code`)."""
    body = response.get_json()
    assert response.status_code == status, body
    assert body["success"] is False
    assert {"error", "message", "detail", "errors", "timestamp"} <= set(body)
    if code:
        assert body["error"] == code, body
    return body
