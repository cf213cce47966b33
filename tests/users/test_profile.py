"""GET/PUT/PATCH /api/users/profile/, /api/users/profile/update/ and /api/auth/profile/."""

import pytest

from watchparty.extensions import db
from watchparty.users.models import Activity

USER_FIELDS = {
    "id", "email", "first_name", "last_name", "full_name", "avatar", "is_premium",
    "subscription_expires", "is_subscription_active", "date_joined", "last_login",
    "is_staff", "is_superuser", "is_moderator", "isVerified", "onboarding_completed",
}  # fmt: skip
PROFILE_PATHS = ["/api/users/profile/", "/api/users/profile/update/", "/api/auth/profile/"]


@pytest.mark.parametrize("path", ["/api/users/profile/", "/api/auth/profile/"])
def test_profile_is_the_user_shape_with_a_profile(client, me, path):
    user, headers = me
    body = client.get(path, headers=headers).get_json()
    assert set(body) == USER_FIELDS | {"profile"}
    assert body["id"] == str(user.id) and body["full_name"] == "Ada Lovelace"
    assert body["date_joined"].endswith("Z")
    assert body["profile"] == {
        "display_name": None, "bio": None, "location": None, "website": None, "avatar": None,
    }  # fmt: skip


@pytest.mark.parametrize("path", PROFILE_PATHS)
@pytest.mark.parametrize("method", ["put", "patch"])
def test_partial_update_changes_only_the_fields_sent(client, me, path, method):
    user, headers = me
    response = getattr(client, method)(
        path, headers=headers, json={"display_name": "Countess", "bio": "Analyst"}
    )
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["profile"]["display_name"] == "Countess"
    assert body["profile"]["bio"] == "Analyst"
    assert body["first_name"] == "Ada" and body["last_name"] == "Lovelace"
    assert set(body) == USER_FIELDS | {"profile"}


def test_update_stores_every_field_and_logs_it(client, me):
    user, headers = me
    changes = {
        "first_name": "Augusta",
        "last_name": "King",
        "display_name": "AdaK",
        "bio": "b" * 500,
        "location": "London",
        "website": "https://example.org/ada",
    }
    assert client.put("/api/users/profile/", headers=headers, json=changes).status_code == 200
    db.session.expire_all()
    for key, value in changes.items():
        assert getattr(user, key) == value
    entry = db.session.scalars(db.select(Activity).where(Activity.user_id == user.id)).one()
    assert entry.type == "profile_updated"
    assert entry.data["fields"] == sorted(changes)


def test_blank_optional_field_clears_it(client, me):
    user, headers = me
    client.patch("/api/users/profile/", headers=headers, json={"website": "https://a.example"})
    body = client.patch("/api/users/profile/", headers=headers, json={"website": ""}).get_json()
    assert body["profile"]["website"] is None


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"display_name": "x" * 51}, "display_name"),
        ({"bio": "x" * 501}, "bio"),
        ({"location": "x" * 101}, "location"),
        ({"website": "not a url"}, "website"),
        ({"website": "https://example.org/" + "x" * 190}, "website"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"first_name": "x" * 151}, "first_name"),
        ({"first_name": 42}, "first_name"),
        ({"bio": ["list"]}, "bio"),
        ({"email": "evil@example.com"}, "email"),
        ({"is_staff": True}, "is_staff"),
        ({"isVerified": True}, "isVerified"),
        ({"password": "new-Passw0rd!"}, "password"),
        ({"favourite_colour": "red"}, "favourite_colour"),
    ],
)
def test_invalid_or_read_only_field_is_400_naming_it_and_stores_nothing(client, me, payload, field):
    user, headers = me
    response = client.put(
        "/api/users/profile/", headers=headers, json={"display_name": "Kept?", **payload}
    )
    body = response.get_json()
    assert response.status_code == 400, body
    assert body["success"] is False and field in body["errors"]
    db.session.expire_all()
    assert user.display_name is None and user.email.startswith("user")
    assert user.is_staff is False and user.first_name == "Ada"


@pytest.mark.parametrize("path", PROFILE_PATHS)
def test_malformed_json_is_400(client, me, path):
    _, headers = me
    response = client.put(path, headers=headers, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["success"] is False


def test_non_object_body_is_400(client, me):
    _, headers = me
    response = client.patch("/api/users/profile/", headers=headers, json=["display_name"])
    assert response.status_code == 400


def test_empty_body_changes_nothing(client, me):
    user, headers = me
    response = client.patch("/api/users/profile/", headers=headers, json={})
    assert response.status_code == 200
    assert db.session.scalars(db.select(Activity)).all() == []
