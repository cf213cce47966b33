"""Text with NUL characters is refused up front (PostgreSQL cannot store it), never a 500."""

import pytest

from watchparty.extensions import db
from watchparty.users.models import User


def test_nul_in_a_json_field_is_400_and_nothing_is_stored(client, users):
    user = users.create(first_name="Ada")
    headers = users.headers(user)
    response = client.patch("/api/users/profile/", json={"location": "a\x00b"}, headers=headers)
    body = response.get_json()
    assert response.status_code == 400 and body["error"] == "invalid_characters"
    db.session.expire_all()
    assert db.session.get(User, user.id).location is None


@pytest.mark.parametrize(
    "body",
    [
        {"email": "a\x00@example.com", "password": "x"},
        {"email": "a@example.com", "password": "\x00"},
    ],
)
def test_nul_in_sign_in_fields_is_400(client, body):
    response = client.post("/api/auth/login/", json=body)
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid_characters"


def test_nul_in_a_nested_key_or_list_is_400(client):
    response = client.post("/api/auth/register/", json={"tags": [{"k\x00": "v"}]})
    assert response.get_json()["error"] == "invalid_characters"


def test_nul_in_a_query_parameter_is_400(client, users):
    headers = users.headers(users.create())
    response = client.get("/api/users/search/?q=ab%00cd", headers=headers)
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid_characters"


def test_nul_in_a_form_field_is_400(client, users):
    headers = users.headers(users.create())
    response = client.post(
        "/api/users/avatar/upload/",
        data={"note": "a\x00"},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid_characters"
