"""Site settings over REST: listed with their types, validated by their declared field, audited,
and honoured by the code that reads them (registration, party size, upload limit)."""

import pytest
from sqlalchemy import select

from tests.factories import PASSWORD
from tests.helpers import assert_error
from watchparty.extensions import db
from watchparty.site import settings
from watchparty.site.models import AuditEntry, SiteSetting
from watchparty.users.models import User

UPDATE = "/api/admin/settings/update/"
MB = 1024 * 1024


def change(client, headers, key, value, **extra):
    return client.post(
        UPDATE, json={"setting_key": key, "setting_value": value, **extra}, headers=headers
    )


def test_the_listing_shows_every_declared_setting_with_value_default_and_type(
    client, admin_headers
):
    body = client.get("/api/admin/settings/", headers=admin_headers).get_json()
    shown = {entry["key"]: entry for entry in body["settings"]}
    assert set(shown) == set(settings.DECLARED)
    assert shown["registration_open"] == {
        "key": "registration_open",
        "value": True,
        "default": True,
        "type": "boolean",
        "description": settings.DECLARED["registration_open"].description,
    }
    assert shown["default_party_size"]["type"] == "integer"
    assert shown["maintenance"]["type"] == "maintenance"


def test_a_change_is_stored_shown_and_audited_with_the_reason(client, admin, admin_headers):
    response = change(client, admin_headers, "default_party_size", 12, reason="Smaller rooms")
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["success"] is True
    assert body["setting"]["value"] == 12 and body["setting"]["default"] == 50
    assert db.session.get(SiteSetting, "default_party_size").value == 12
    assert settings.get("default_party_size") == 12
    entry = db.session.scalars(select(AuditEntry)).one()
    assert (entry.actor_id, entry.action, entry.target_id) == (
        admin.id,
        "setting.update",
        "default_party_size",
    )
    assert entry.reason == "Smaller rooms" and entry.data == {"from": 50, "to": 12}
    listed = client.get("/api/admin/settings/", headers=admin_headers).get_json()["settings"]
    assert next(e for e in listed if e["key"] == "default_party_size")["value"] == 12


def test_an_unknown_setting_is_404(client, admin_headers):
    assert_error(
        change(client, admin_headers, "max_upload_size", "100MB"), 404, "setting_not_found"
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("default_party_size", "lots"),
        ("default_party_size", 1),
        ("registration_open", "maybe"),
        ("max_upload_mb", 0),
        ("chat_word_filter", "not a list"),
        ("maintenance", {"enabled": "sometimes"}),
    ],
)
def test_a_value_that_does_not_fit_its_type_is_400_and_changes_nothing(
    client, admin_headers, key, value
):
    body = assert_error(change(client, admin_headers, key, value), 400, "validation_error")
    assert key in body["errors"]
    assert db.session.scalar(select(SiteSetting)) is None
    assert db.session.scalar(select(AuditEntry)) is None


def test_a_body_without_a_value_is_400(client, admin_headers):
    response = client.post(UPDATE, json={"setting_key": "registration_open"}, headers=admin_headers)
    assert "setting_value" in assert_error(response, 400, "validation_error")["errors"]


def signup(email: str) -> dict:
    body = {"email": email, "password": PASSWORD, "confirm_password": PASSWORD}
    return body | {"first_name": "Ada", "last_name": "Lovelace"}


def test_closed_registration_refuses_sign_ups_until_reopened(client, admin_headers):
    change(client, admin_headers, "registration_open", False)
    refused = client.post("/api/auth/register/", json=signup("new@example.com"))
    assert_error(refused, 403, "registration_closed")
    assert db.session.scalar(select(User).where(User.email == "new@example.com")) is None
    change(client, admin_headers, "registration_open", True)
    assert client.post("/api/auth/register/", json=signup("new@example.com")).status_code == 201


def test_a_new_party_without_a_size_gets_the_default_party_size(client, users, auth, admin_headers):
    change(client, admin_headers, "default_party_size", 7)
    headers = auth(users.create())
    plain = client.post("/api/parties/", json={"title": "Plain"}, headers=headers).get_json()
    sized = client.post(
        "/api/parties/", json={"title": "Big", "max_participants": 30}, headers=headers
    )
    assert plain["max_participants"] == 7
    assert sized.get_json()["max_participants"] == 30


def test_the_upload_limit_follows_max_upload_mb(client, users, auth, admin_headers):
    headers = auth(users.create())
    body = {"filename": "big.mp4", "file_size": 2 * MB}
    assert client.post("/api/videos/upload/s3/", json=body, headers=headers).status_code != 413
    change(client, admin_headers, "max_upload_mb", 1)
    response = client.post("/api/videos/upload/s3/", json=body, headers=headers)
    assert_error(response, 413)
    assert response.get_json()["errors"] == {"file_size": ["File size must be no more than 1MB."]}
