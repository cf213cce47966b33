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


SHAPE = {"success", "error", "message", "detail", "errors", "timestamp"}


def assert_400(response, code: str) -> None:
    body = response.get_json()
    assert response.status_code == 400, body
    assert set(body) == SHAPE and body["error"] == code


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [900, 100_000])
@pytest.mark.parametrize("path", ["/api/auth/login/", "/api/auth/register/", "/api/nope/"])
def test_deeply_nested_json_is_400_not_a_500(client, path, depth):
    response = client.post(path, data=nested(depth), content_type="application/json")
    assert_400(response, "too_deep")


def test_deeply_nested_json_under_a_field_is_400(client, users):
    headers = users.headers(users.create())
    body = '{"location": ' + nested(900) + "}"
    response = client.patch(
        "/api/users/profile/", data=body, content_type="application/json", headers=headers
    )
    assert_400(response, "too_deep")


def test_moderately_nested_json_still_reaches_the_view(client):
    body = '{"email": "a@example.com", "password": "x", "x": ' + nested(20) + "}"
    response = client.post("/api/auth/login/", data=body, content_type="application/json")
    assert response.get_json()["error"] != "too_deep"


def test_lone_surrogate_in_a_json_field_is_400_and_nothing_is_stored(client, users):
    user = users.create(first_name="Ada")
    headers = users.headers(user)
    response = client.patch(
        "/api/users/profile/",
        data='{"location": "a\\ud800b"}',
        content_type="application/json",
        headers=headers,
    )
    assert_400(response, "invalid_characters")
    db.session.expire_all()
    assert db.session.get(User, user.id).location is None


@pytest.mark.parametrize(
    "body",
    [
        '{"email": "a\\udc00@example.com", "password": "x"}',
        '{"email": "a@example.com", "password": "x", "k\\ud800": 1}',
        '{"email": "a@example.com", "password": ["\\ud800"]}',
    ],
)
def test_lone_surrogate_anywhere_in_a_json_body_is_400(client, body):
    response = client.post("/api/auth/login/", data=body, content_type="application/json")
    assert_400(response, "invalid_characters")


def test_a_surrogate_pair_is_an_ordinary_character(client, users):
    user = users.create()
    response = client.patch(
        "/api/users/profile/",
        data='{"location": "Paris \\ud83d\\ude00"}',
        content_type="application/json",
        headers=users.headers(user),
    )
    assert response.status_code == 200, response.get_json()
    db.session.expire_all()
    assert db.session.get(User, user.id).location == "Paris \U0001f600"
