"""Social sign-in with GitHub and Facebook (authorization codes and access tokens).

The OAuth provider these tests talk to (tests/auth/oidc_provider.py) is a real HTTP server on
loopback standing in for GitHub's and Facebook's servers, which cannot run here; Authlib is not
mocked.
"""

from tests.auth.conftest_social import (
    CALLBACK,
    activity_types,
    assert_error,
    oauth_for_provider,  # noqa: F401 - autouse fixture
    provider_server,  # noqa: F401 - fixture
    stored,
)
from watchparty.extensions import db
from watchparty.users.models import User

GITHUB = "/api/auth/social/github/"
FACEBOOK = "/api/auth/social/facebook/"
OCTO = {"id": 583231, "login": "octocat", "name": "Mona Octocat", "avatar_url": "https://a/o"}


def github_code(provider, emails, user=None, redirect_uri=None) -> str:
    """A code that the provider exchanges for a token standing for `user` with `emails`."""
    token = provider.access_token("github-client", user=user or OCTO, emails=emails)
    return provider.code(redirect_uri or CALLBACK.format("github"), access_token=token)


def primary(email="mona@example.com", verified=True) -> list[dict]:
    """GitHub's user/emails answer with a primary email, plus a secondary one."""
    return [
        {"email": "old@example.com", "primary": False, "verified": True},
        {"email": email, "primary": True, "verified": verified},
    ]


def test_github_code_creates_a_user_from_the_primary_verified_email(client, provider):
    response = client.post(GITHUB, json={"code": github_code(provider, primary())})
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["created"] is True and body["user"]["email"] == "mona@example.com"
    assert (body["user"]["first_name"], body["user"]["last_name"]) == ("Mona", "Octocat")
    assert body["user"]["avatar"] == "https://a/o" and body["access_token"]
    assert {"/github/token", "/user", "/user/emails"} <= set(provider.requests)


def test_github_falls_back_to_a_verified_secondary_email(client, provider):
    code = github_code(provider, primary(verified=False))
    body = client.post(GITHUB, json={"code": code}).get_json()
    assert body["user"]["email"] == "old@example.com" and body["user"]["isVerified"] is True


def test_second_github_sign_in_reuses_the_link(client, provider):
    first = client.post(GITHUB, json={"code": github_code(provider, primary())}).get_json()
    again = client.post(GITHUB, json={"code": github_code(provider, primary())}).get_json()
    assert again["created"] is False and again["user"]["id"] == first["user"]["id"]
    assert stored()[:2] == (1, 1)


def test_github_unverified_email_does_not_link_an_existing_account(client, provider, users):
    users.create(email="mona@example.com")
    before = stored()
    unverified = [{"email": "mona@example.com", "primary": True, "verified": False}]
    code = github_code(provider, unverified)
    body = assert_error(client.post(GITHUB, json={"code": code}), 409, "account_exists")
    assert "password" in body["message"]
    assert stored() == before


def test_github_unverified_email_creates_an_unverified_account(client, provider):
    code = github_code(provider, [{"email": "new@example.com", "primary": True}])
    body = client.post(GITHUB, json={"code": code}).get_json()
    assert body["created"] is True and body["user"]["isVerified"] is False


def test_github_bad_or_reused_code_is_401(client, provider):
    code = github_code(provider, primary())
    assert client.post(GITHUB, json={"code": code}).status_code == 200
    for bad in (code, "never-issued"):
        assert_error(client.post(GITHUB, json={"code": bad}), 401, "social_token_invalid")


def test_github_code_for_another_redirect_uri_is_401(client, provider):
    code = github_code(provider, primary(), redirect_uri="http://localhost:5000/elsewhere")
    assert_error(client.post(GITHUB, json={"code": code}), 401, "social_token_invalid")
    body = {"code": github_code(provider, primary(), redirect_uri="http://app.test/cb")}
    body["redirect_uri"] = "http://app.test/cb"
    assert client.post(GITHUB, json=body).status_code == 200


def test_github_down_is_502_and_stores_nothing(client, provider, oauth):
    code = github_code(provider, primary())
    provider.failing = True
    assert_error(client.post(GITHUB, json={"code": code}), 502, "provider_error")
    provider.failing = False
    oauth["github"]["token_url"] = "http://127.0.0.1:9/login/oauth/access_token"
    assert_error(client.post(GITHUB, json={"code": code}), 502, "provider_error")
    assert stored() == (0, 0, 0)


def test_github_state_is_checked_when_sent(client, provider):
    state = client.get(GITHUB).get_json()["state"]
    ok = client.post(GITHUB, json={"code": github_code(provider, primary()), "state": state})
    assert ok.status_code == 200
    google_state = client.get("/api/auth/social/google/").get_json()["state"]
    body = {"code": github_code(provider, primary()), "state": google_state}
    assert_error(client.post(GITHUB, json=body), 400, "invalid_state")


FB = {"id": "10001", "email": "dan@example.com", "first_name": "Dan", "last_name": "Brown"}


def test_facebook_access_token_signs_in_and_links_by_email(client, provider, users):
    user = users.create(email="dan@example.com")
    token = provider.access_token("facebook-client", profile=FB)
    body = client.post(FACEBOOK, json={"access_token": token}).get_json()
    assert body["created"] is False and body["user"]["id"] == str(user.id)
    assert "social_linked" in activity_types(user.id)


def test_facebook_code_is_exchanged_then_me_is_read(client, provider):
    token = provider.access_token("facebook-client", profile=FB)
    code = provider.code(CALLBACK.format("facebook"), access_token=token)
    body = client.post(FACEBOOK, json={"code": code}).get_json()
    assert body["created"] is True and body["user"]["last_name"] == "Brown"
    user = db.session.scalar(db.select(User).filter_by(email="dan@example.com"))
    assert user.is_verified and user.password_hash is None


def test_facebook_token_of_another_app_or_unknown_is_401(client, provider):
    other = provider.access_token("google-client", profile=FB)
    for token in (other, "unknown"):
        response = client.post(FACEBOOK, json={"access_token": token})
        assert_error(response, 401, "social_token_invalid")
    assert stored() == (0, 0, 0)


def test_facebook_without_email_is_400_email_required(client, provider):
    token = provider.access_token("facebook-client", profile={"id": "10002", "first_name": "Ed"})
    assert_error(client.post(FACEBOOK, json={"access_token": token}), 400, "email_required")
    assert stored() == (0, 0, 0)
