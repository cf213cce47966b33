"""The API root, test endpoint and the error shape for unknown paths and methods."""


def test_root_lists_the_endpoint_map(client):
    body = client.get("/api/").get_json()
    assert body["message"] == "Watch Party API"
    assert body["endpoints"]["authentication"] == "/api/auth/"
    assert body["endpoints"]["schema"] == "/api/schema/"


def test_test_endpoint_reports_anonymous_caller(client):
    body = client.get("/api/test/").get_json()
    assert body["authenticated"] is False
    assert body["user_id"] is None
    assert body["timestamp"].endswith("Z")


def test_unknown_api_path_gets_the_error_shape(client):
    response = client.get("/api/does-not-exist/")
    body = response.get_json()
    assert response.status_code == 404
    assert body["success"] is False and body["error"] == "not_found"
    assert set(body) >= {"message", "detail", "errors", "timestamp"}


def test_wrong_method_gets_405_in_the_error_shape(client):
    response = client.delete("/api/")
    assert response.status_code == 405
    assert response.get_json()["error"] == "method_not_allowed"
