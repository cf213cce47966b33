"""GET /api/admin/users/: the admin user list, its filters and who may see it."""

from datetime import timedelta

import pytest

from tests.helpers import assert_error
from watchparty.common.types import utcnow
from watchparty.users.models import BANNED, DELETED, SUSPENDED

URL = "/api/admin/users/"


def emails(response) -> set[str]:
    assert response.status_code == 200, response.get_json()
    return {u["email"] for u in response.get_json()["results"]}


def test_list_returns_a_paginated_page_of_users_with_admin_fields(client, users, admin_headers):
    users.create(email="bob@example.com")
    body = client.get(URL, headers=admin_headers).get_json()
    assert body["count"] == 2 and body["total_pages"] == 1 and body["current_page"] == 1
    assert body["next"] is None and body["previous"] is None
    bob = next(u for u in body["results"] if u["email"] == "bob@example.com")
    assert set(bob) >= {"id", "full_name", "isVerified", "is_staff", "date_joined"}
    assert bob["status"] == "active" and bob["status_reason"] is None
    assert bob["status_until"] is None
    assert bob["date_joined"].endswith("Z")


def test_search_matches_email_and_names_case_insensitively(client, users, admin_headers):
    users.create(email="carol@example.com", first_name="Carol", last_name="Danvers")
    users.create(email="dave@sample.org", first_name="Dave", last_name="Smith")
    get = lambda q: emails(client.get(URL, query_string={"search": q}, headers=admin_headers))  # noqa: E731
    assert get("SAMPLE.ORG") == {"dave@sample.org"}
    assert get("carol") == {"carol@example.com"}
    assert get("danv") == {"carol@example.com"}
    assert get("dave smith") == {"dave@sample.org"}
    assert get("nobody-matches") == set()


@pytest.mark.parametrize("term", ["%", "_", "\\"])
def test_search_treats_like_wildcards_literally(client, users, admin_headers, term):
    users.create(email="plain@example.com")
    users.create(email=f"odd{term}name@example.com")
    found = emails(client.get(URL, query_string={"search": term}, headers=admin_headers))
    assert found == {f"odd{term}name@example.com"}


def test_status_filter_uses_the_effective_status(client, users, admin_headers):
    users.create(email="s@example.com", status=SUSPENDED)
    users.create(email="b@example.com", status=BANNED)
    users.create(email="d@example.com", status=DELETED)
    users.create(email="lapsed@example.com", status=SUSPENDED, status_until=utcnow() - timedelta(1))
    users.create(email="timed@example.com", status=BANNED, status_until=utcnow() + timedelta(1))
    get = lambda s: emails(client.get(URL, query_string={"status": s}, headers=admin_headers))  # noqa: E731
    assert get("suspended") == {"s@example.com"}
    assert get("banned") == {"b@example.com", "timed@example.com"}
    assert get("deleted") == {"d@example.com"}
    assert get("active") == {"admin@example.com", "lapsed@example.com"}


def test_lapsed_suspension_is_listed_as_active_without_reason(client, users, admin_headers):
    users.create(
        email="lapsed@example.com",
        status=SUSPENDED,
        status_reason="spam",
        status_until=utcnow() - timedelta(minutes=1),
    )
    body = client.get(URL, query_string={"search": "lapsed"}, headers=admin_headers).get_json()
    assert body["results"][0]["status"] == "active"
    assert body["results"][0]["status_reason"] is None


def test_subscription_filter_splits_current_premium_from_the_rest(client, users, admin_headers):
    users.create(email="paid@example.com", is_premium=True)
    users.create(
        email="expired@example.com",
        is_premium=True,
        subscription_expires=utcnow() - timedelta(days=1),
    )
    users.create(
        email="renewing@example.com",
        is_premium=True,
        subscription_expires=utcnow() + timedelta(days=30),
    )
    get = lambda s: emails(client.get(URL, query_string={"subscription": s}, headers=admin_headers))  # noqa: E731
    assert get("active") == {"paid@example.com", "renewing@example.com"}
    assert get("inactive") == {"admin@example.com", "expired@example.com"}


def test_filters_combine(client, users, admin_headers):
    users.create(email="x1@example.com", status=SUSPENDED, is_premium=True)
    users.create(email="x2@example.com", status=SUSPENDED)
    query = {"search": "x", "status": "suspended", "subscription": "active"}
    assert emails(client.get(URL, query_string=query, headers=admin_headers)) == {"x1@example.com"}


def test_pages_through_users(client, users, admin_headers):
    for n in range(4):
        users.create(email=f"p{n}@example.com")
    first = client.get(URL, query_string={"page_size": 2}, headers=admin_headers).get_json()
    assert first["count"] == 5 and first["total_pages"] == 3 and len(first["results"]) == 2
    assert "page=2" in first["next"]
    last = client.get(URL, query_string={"page_size": 2, "page": 3}, headers=admin_headers)
    assert len(last.get_json()["results"]) == 1
    ids = {
        u["id"]
        for p in (1, 2, 3)
        for u in client.get(
            URL, query_string={"page_size": 2, "page": p}, headers=admin_headers
        ).get_json()["results"]
    }
    assert len(ids) == 5


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"status": "frozen"}, "status"),
        ({"subscription": "maybe"}, "subscription"),
        ({"page": "zero"}, "page"),
        ({"page": 0}, "page"),
        ({"page_size": -1}, "page_size"),
        ({"search": "x" * 255}, "search"),
    ],
)
def test_bad_filter_values_are_400_naming_the_field(client, admin_headers, query, field):
    body = assert_error(client.get(URL, query_string=query, headers=admin_headers), 400)
    assert field in body["errors"]


def test_anonymous_caller_is_401(client):
    assert_error(client.get(URL), 401)


def test_anonymous_caller_with_bad_filters_is_still_401(client):
    assert_error(client.get(URL, query_string={"status": "frozen"}), 401)


def test_regular_user_is_403(client, users, auth):
    assert_error(client.get(URL, headers=auth(users.create())), 403, "forbidden")


@pytest.mark.parametrize(
    "token", ["garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged-signature"]
)
def test_forged_tokens_are_401(client, token):
    assert_error(client.get(URL, headers={"Authorization": f"Bearer {token}"}), 401)


def test_token_signed_with_another_key_is_401(client, admin, app):
    import jwt

    claims = {"sub": str(admin.id), "type": "access", "fresh": False, "jti": "x", "sid": "y"}
    forged = jwt.encode(claims, "not-the-server-secret-but-long-enough-123", algorithm="HS256")
    assert_error(client.get(URL, headers={"Authorization": f"Bearer {forged}"}), 401)


def test_expired_token_is_401(client, admin, app):
    from flask_jwt_extended import create_access_token

    with app.test_request_context():
        token = create_access_token(str(admin.id), expires_delta=timedelta(seconds=-10))
    assert_error(client.get(URL, headers={"Authorization": f"Bearer {token}"}), 401)
