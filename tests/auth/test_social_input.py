"""Bad input to the social sign-in endpoints: 400 in the error shape, nothing stored."""

import pytest

from tests.auth.conftest_social import (
    assert_error,
    oauth_for_provider,  # noqa: F401 - autouse fixture
    provider_server,  # noqa: F401 - fixture
    stored,
)

BAD_BODIES = {
    "google": [{}, {"id_token": 5}, {"id_token": ""}, {"id_token": "x" * 9000}, {"code": ["a"]}],
    "github": [{}, {"code": 12}, {"code": "x" * 3000}, {"code": "c", "redirect_uri": "not a url"}],
    "facebook": [{}, {"access_token": None}, {"access_token": True}, {"code": "x" * 3000}],
    "apple": [{}, {"id_token": {}}, {"id_token": "a.b.c", "first_name": "x" * 151}],
}
CASES = [(name, body) for name, bodies in BAD_BODIES.items() for body in bodies]


@pytest.mark.parametrize(("name", "body"), CASES)
def test_missing_or_wrongly_typed_fields_are_400(client, name, body):
    response = client.post(f"/api/auth/social/{name}/", json=body)
    assert_error(response, 400, "validation_error")
    assert response.get_json()["errors"]
    assert stored() == (0, 0, 0)


@pytest.mark.parametrize("name", ["google", "github", "facebook", "apple"])
def test_malformed_json_is_400(client, name):
    response = client.post(
        f"/api/auth/social/{name}/", data="{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.get_json()["success"] is False


def test_non_object_json_is_400(client):
    response = client.post("/api/auth/social/github/", json=["code"])
    assert response.status_code == 400 and response.get_json()["success"] is False


def test_too_long_provider_name_is_404(client):
    assert_error(client.get("/api/auth/social/" + "x" * 300 + "/"), 404, "unknown_provider")
