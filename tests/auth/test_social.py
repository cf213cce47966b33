"""Social sign-in with Google and Apple ID tokens, and the authorize URLs.

The OpenID provider these tests talk to (tests/auth/oidc_provider.py) is a real HTTP server on
loopback standing in for Google's and Apple's servers, which cannot run here; Authlib is not
mocked.
"""

import time
from urllib.parse import parse_qs, urlsplit

from tests.auth.conftest_social import (
    CALLBACK,
    activity_types,
    assert_error,
    oauth_for_provider,  # noqa: F401 - autouse fixture
    provider_server,  # noqa: F401 - fixture
    stored,
)
from tests.auth.oidc_provider import new_key
from tests.factories import PASSWORD
from watchparty.auth.models import SocialAccount
from watchparty.extensions import db
from watchparty.users.models import BANNED, User

GOOGLE = "/api/auth/social/google/"
APPLE = "/api/auth/social/apple/"


def test_google_authorization_url_comes_from_discovery_with_frontend_callback(client, provider):
    body = client.get(GOOGLE).get_json()
    url = urlsplit(body["authorization_url"])
    query = parse_qs(url.query)
    assert body["provider"] == "google"
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{provider.url}/authorize"
    assert query["client_id"] == ["google-client"]
    assert query["redirect_uri"] == [CALLBACK.format("google")]
    assert query["scope"] == ["openid email profile"]
    assert query["response_type"] == ["code"]
    assert query["state"] == [body["state"]] and query["nonce"]


def test_github_authorization_url_uses_the_configured_authorize_url(client, provider):
    body = client.get("/api/auth/social/github/").get_json()
    url = urlsplit(body["authorization_url"])
    query = parse_qs(url.query)
    assert url.path == "/github/authorize"
    assert query["client_id"] == ["github-client"]
    assert query["redirect_uri"] == [CALLBACK.format("github")]
    assert query["state"] == [body["state"]]


def test_unknown_provider_is_404(client):
    assert_error(client.get("/api/auth/social/myspace/"), 404, "unknown_provider")
    assert_error(client.post("/api/auth/social/myspace/", json={}), 404, "unknown_provider")


def test_provider_without_client_id_is_400_not_configured(client, oauth):
    oauth["facebook"]["client_id"] = None
    body = assert_error(client.get("/api/auth/social/facebook/"), 400, "provider_not_configured")
    assert "FACEBOOK_CLIENT_ID" in body["message"]
    response = client.post("/api/auth/social/facebook/", json={"access_token": "x"})
    assert_error(response, 400, "provider_not_configured")


def test_google_id_token_creates_a_verified_user_without_password(client, provider):
    token = provider.id_token(given_name="Alice", family_name="Liddell", picture="https://p/a.png")
    response = client.post(GOOGLE, json={"id_token": token})
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["success"] is True and body["created"] is True
    assert body["access_token"] and body["refresh_token"]
    assert body["user"]["email"] == "alice@example.com"
    assert body["user"]["first_name"] == "Alice" and body["user"]["isVerified"] is True
    user = db.session.scalar(db.select(User).filter_by(email="alice@example.com"))
    assert user.password_hash is None and user.avatar == "https://p/a.png"
    link = db.session.scalar(db.select(SocialAccount))
    assert (link.provider, link.provider_user_id, link.user_id) == ("google", "sub-1", user.id)
    assert {"account_created", "social_linked"} <= set(activity_types(user.id))
    auth = {"Authorization": f"Bearer {body['access_token']}"}
    assert client.get("/api/test/", headers=auth).get_json()["authenticated"] is True


def test_second_google_sign_in_reuses_the_link(client, provider):
    first = client.post(GOOGLE, json={"id_token": provider.id_token()}).get_json()
    # The person changed their Google email since: the link, not the email, decides.
    token = provider.id_token(email="alice@new.example.com")
    second = client.post(GOOGLE, json={"credential": token}).get_json()
    assert second["created"] is False
    assert second["user"]["id"] == first["user"]["id"]
    assert stored()[:2] == (1, 1)


def test_verified_google_email_links_the_existing_password_account(client, provider, users):
    user = users.create(email="alice@example.com")
    body = client.post(GOOGLE, json={"id_token": provider.id_token()}).get_json()
    assert body["created"] is False and body["user"]["id"] == str(user.id)
    assert "social_linked" in activity_types(user.id)
    users.login(user)  # the password still works


def test_verified_email_claims_an_unverified_account_and_drops_its_password(
    client, provider, users
):
    squatter = users.create(email="alice@example.com", is_verified=False)
    body = client.post(GOOGLE, json={"id_token": provider.id_token()}).get_json()
    assert body["user"]["id"] == str(squatter.id) and body["user"]["isVerified"] is True
    login = {"email": "alice@example.com", "password": PASSWORD}
    assert client.post("/api/auth/login/", json=login).status_code == 401


def test_google_unverified_email_is_401_and_stores_nothing(client, provider, users):
    users.create(email="alice@example.com")
    before = stored()
    response = client.post(GOOGLE, json={"id_token": provider.id_token(email_verified=False)})
    assert_error(response, 401, "social_token_invalid")
    assert stored() == before


def test_forged_wrong_audience_wrong_issuer_and_expired_tokens_are_401(client, provider):
    now = int(time.time())
    tokens = [
        provider.id_token(key=new_key(provider.key.kid)),  # same kid, another key
        provider.id_token(key=new_key("unknown-kid")),
        provider.id_token(aud="someone-elses-client"),
        provider.id_token(iss="https://evil.example.com"),
        provider.id_token(iat=now - 7200, exp=now - 3600),
        provider.id_token(sub=None),
        "not-a-jwt",
    ]
    for token in tokens:
        assert_error(client.post(GOOGLE, json={"id_token": token}), 401, "social_token_invalid")
    assert stored() == (0, 0, 0)


def test_rotated_provider_key_is_fetched_again(app, client, provider, monkeypatch):
    monkeypatch.setitem(app.config, "OAUTH_REFRESH_SPACING", 0)
    assert client.post(GOOGLE, json={"id_token": provider.id_token()}).status_code == 200
    provider.key = new_key("rotated")
    response = client.post(GOOGLE, json={"id_token": provider.id_token()})
    assert response.status_code == 200, response.get_json()


def test_unknown_key_ids_do_not_refetch_the_jwks_every_time(client, provider):
    assert client.post(GOOGLE, json={"id_token": provider.id_token()}).status_code == 200
    for _ in range(3):
        forged = provider.id_token(key=new_key("junk"))
        assert_error(client.post(GOOGLE, json={"id_token": forged}), 401, "social_token_invalid")
    assert provider.requests.count("/jwks") == 1


def test_google_access_token_signs_in_through_userinfo(client, provider):
    profile = {"sub": "g-7", "email": "bob@example.com", "email_verified": True}
    token = provider.access_token("google-client", profile=profile | {"given_name": "Bob"})
    body = client.post(GOOGLE, json={"access_token": token}).get_json()
    assert body["created"] is True and body["user"]["first_name"] == "Bob"


def test_google_access_token_of_another_app_or_unknown_is_401(client, provider):
    profile = {"sub": "g-7", "email": "bob@example.com", "email_verified": True}
    other = provider.access_token("another-app", profile=profile)
    for token in (other, "unknown-token"):
        response = client.post(GOOGLE, json={"access_token": token})
        assert_error(response, 401, "social_token_invalid")
    assert stored() == (0, 0, 0)


def test_google_code_is_exchanged_and_the_state_nonce_checked(client, provider):
    start = client.get(GOOGLE).get_json()
    nonce = parse_qs(urlsplit(start["authorization_url"]).query)["nonce"][0]
    code = provider.code(CALLBACK.format("google"), id_token=provider.id_token(nonce=nonce))
    response = client.post(GOOGLE, json={"code": code, "state": start["state"]})
    assert response.status_code == 200, response.get_json()
    replay = client.post(GOOGLE, json={"code": code, "state": start["state"]})
    assert_error(replay, 401, "social_token_invalid")


def test_id_token_with_another_nonce_than_the_state_is_401(client, provider):
    state = client.get(GOOGLE).get_json()["state"]
    token = provider.id_token(nonce="someone-elses")
    response = client.post(GOOGLE, json={"id_token": token, "state": state})
    assert_error(response, 401, "social_token_invalid")


def test_forged_or_foreign_state_is_400(client, provider):
    github_state = client.get("/api/auth/social/github/").get_json()["state"]
    for state in (github_state, "forged.state.value"):
        response = client.post(GOOGLE, json={"id_token": provider.id_token(), "state": state})
        assert_error(response, 400, "invalid_state")


def test_apple_accepts_string_email_verified_and_names_from_the_body(client, provider):
    token = provider.id_token(aud="apple-client", sub="apple-1", email_verified="true")
    body = {"id_token": token, "first_name": "Carol", "last_name": "Danvers"}
    result = client.post(APPLE, json=body).get_json()
    assert result["created"] is True
    assert (result["user"]["first_name"], result["user"]["last_name"]) == ("Carol", "Danvers")
    refused = provider.id_token(aud="apple-client", sub="apple-2", email_verified="false")
    assert_error(client.post(APPLE, json={"id_token": refused}), 401, "social_token_invalid")


def test_apple_rejects_a_google_audience(client, provider):
    response = client.post(APPLE, json={"id_token": provider.id_token(aud="google-client")})
    assert_error(response, 401, "social_token_invalid")


def test_provider_down_or_unreachable_is_502(client, provider, oauth):
    provider.failing = True
    assert_error(client.post(GOOGLE, json={"id_token": "x.y.z"}), 502, "provider_error")
    assert_error(client.get(GOOGLE), 502, "provider_error")
    provider.failing = False
    oauth["apple"]["metadata_url"] = "http://127.0.0.1:9/.well-known/openid-configuration"
    token = provider.id_token(aud="apple-client")
    assert_error(client.post(APPLE, json={"id_token": token}), 502, "provider_error")
    assert stored() == (0, 0, 0)


def test_banned_user_is_403_and_gains_no_link(client, provider, users):
    users.create(email="alice@example.com", status=BANNED, status_reason="spam")
    before = stored()
    response = client.post(GOOGLE, json={"id_token": provider.id_token()})
    assert_error(response, 403, "account_banned")
    assert stored() == before


def test_user_with_two_factor_gets_the_challenge_instead_of_tokens(client, provider, users):
    users.create(email="alice@example.com", totp_enabled=True, totp_secret="JBSWY3DPEHPK3PXP")
    body = client.post(GOOGLE, json={"id_token": provider.id_token()}).get_json()
    assert body["requires_2fa"] is True and body["two_factor_token"]
    assert "access_token" not in body and body["created"] is False
