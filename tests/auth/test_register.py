"""POST /api/auth/register/."""

from sqlalchemy import func, select

from tests.factories import PASSWORD
from tests.helpers import assert_error, bearer
from watchparty.extensions import db
from watchparty.users.models import Activity, User


def _user_count() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_register_returns_tokens_user_and_verification_sent(client, signup):
    body = signup(email="Ada.Lovelace@Example.COM", promo_code="WELCOME2024")
    response = client.post("/api/auth/register/", json=body)
    data = response.get_json()
    assert response.status_code == 201, data
    assert data["success"] is True and data["verification_sent"] is True
    assert data["access_token"] and data["refresh_token"]
    assert data["user"]["email"] == "ada.lovelace@example.com"
    assert data["user"]["isVerified"] is False
    assert data["user"]["full_name"] == "Ada Lovelace"
    assert data["user"]["date_joined"].endswith("Z")
    me = client.get("/api/test/", headers=bearer(data["access_token"])).get_json()
    assert me["authenticated"] is True and me["user_id"] == data["user"]["id"]


def test_register_records_account_created_activity(client, signup):
    client.post("/api/auth/register/", json=signup())
    types = set(db.session.scalars(select(Activity.type)))
    assert {"account_created", "sign_in"} <= types


def test_register_queues_a_verification_email(client, signup, smtp, run_jobs):
    body = signup()
    client.post("/api/auth/register/", json=body)
    run_jobs()
    msg = smtp.wait_for(body["email"])
    assert "verify" in msg["Subject"].lower()
    assert "/verify-email?token=" in smtp.text_of(msg)


def test_register_with_taken_email_in_other_case_is_409(client, signup, users):
    users.create(email="taken@example.com")
    response = client.post("/api/auth/register/", json=signup(email="TAKEN@example.com"))
    body = assert_error(response, 409)
    assert "email" in body["errors"]
    assert _user_count() == 1


def test_register_with_weak_password_is_400_with_policy_messages(client, signup):
    response = client.post(
        "/api/auth/register/", json=signup(password="12345678", confirm_password="12345678")
    )
    body = assert_error(response, 400)
    assert any("numeric" in m for m in body["errors"]["password"])
    assert _user_count() == 0


def test_register_with_mismatched_confirmation_is_400(client, signup):
    response = client.post("/api/auth/register/", json=signup(confirm_password=PASSWORD + "x"))
    body = assert_error(response, 400)
    assert "confirm_password" in body["errors"]
    assert _user_count() == 0


def test_register_with_missing_fields_is_400_per_field(client):
    response = client.post("/api/auth/register/", json={})
    body = assert_error(response, 400, "validation_error")
    assert {"email", "password", "confirm_password", "first_name"} <= set(body["errors"])


def test_register_with_invalid_email_is_400(client, signup):
    body = assert_error(client.post("/api/auth/register/", json=signup(email="not-an-email")), 400)
    assert "email" in body["errors"]


def test_register_with_wrong_types_is_400(client, signup):
    response = client.post("/api/auth/register/", json=signup(first_name=123, password=["x"]))
    body = assert_error(response, 400)
    assert {"first_name", "password"} <= set(body["errors"])
    assert _user_count() == 0


def test_register_with_300_char_name_is_400(client, signup):
    body = assert_error(client.post("/api/auth/register/", json=signup(last_name="x" * 300)), 400)
    assert "last_name" in body["errors"]
    assert _user_count() == 0


def test_register_with_10k_char_password_is_400(client, signup):
    long = "aB3!" * 2500
    response = client.post("/api/auth/register/", json=signup(password=long, confirm_password=long))
    body = assert_error(response, 400)
    assert "password" in body["errors"]
    assert _user_count() == 0


def test_register_with_malformed_json_is_400(client):
    response = client.post("/api/auth/register/", data="{not json", content_type="application/json")
    assert_error(response, 400)
    assert _user_count() == 0


def test_register_with_a_json_array_body_is_400(client):
    assert_error(client.post("/api/auth/register/", json=["a", "b"]), 400)
    assert _user_count() == 0
