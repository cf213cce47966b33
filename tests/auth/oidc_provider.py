"""A real OpenID Connect / OAuth 2 provider on loopback for the social sign-in tests.

It stands in for Google's, Apple's, GitHub's and Facebook's servers, which cannot run here:
an OpenID discovery document, a JWKS with an RSA key generated for the test run, a token
endpoint (authorization-code exchange), userinfo and tokeninfo, GitHub-style `user` and
`user/emails`, and a Facebook-style Graph `me` that checks `appsecret_proof`. The app under
test talks to it over HTTP through Authlib exactly as it would talk to the real providers.
"""

import hashlib
import hmac
import secrets
import threading
import time

from flask import Flask, abort, jsonify, request
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from werkzeug.serving import make_server

CLIENTS = {
    "google-client": "google-secret",
    "apple-client": "apple-secret",
    "github-client": "github-secret",
    "facebook-client": "facebook-secret",
}


def new_key(kid: str = "test-key") -> RSAKey:
    """A fresh RSA signing key."""
    return RSAKey.generate_key(2048, parameters={"kid": kid, "alg": "RS256", "use": "sig"})


class Provider:
    """The loopback provider; `codes` and `tokens` say who is behind each credential."""

    def __init__(self) -> None:
        self.key = new_key()
        self.codes: dict[str, dict] = {}  # code -> {"redirect_uri", "token": {...}}
        self.tokens: dict[str, dict] = {}  # access token -> {"client", "profile", ...}
        self.failing = False
        self.requests: list[str] = []
        self.app = self._build()
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "Provider":
        """Serve in a background thread."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Shut the server down."""
        self.server.shutdown()
        self.thread.join(5)

    def reset(self) -> None:
        """Forget issued credentials and recover from failure mode."""
        self.codes.clear()
        self.tokens.clear()
        self.requests.clear()
        self.failing = False

    def id_token(self, key: RSAKey | None = None, **claims) -> str:
        """An ID token signed by the provider's key (or `key`, to forge one)."""
        now = int(time.time())
        body = {"iss": self.url, "aud": "google-client", "iat": now, "exp": now + 600}
        body.update({"sub": "sub-1", "email": "alice@example.com", "email_verified": True})
        body.update(claims)
        body = {k: v for k, v in body.items() if v is not None}
        signer = key or self.key
        header = {"alg": "RS256", "kid": signer.kid}
        return jwt.encode(header, body, signer)

    def access_token(self, client: str, **profile) -> str:
        """An access token issued to `client` for the person described by `profile`."""
        token = secrets.token_urlsafe(16)
        self.tokens[token] = {"client": client, **profile}
        return token

    def code(self, redirect_uri: str, **token_response) -> str:
        """An authorization code the token endpoint will exchange for `token_response`."""
        code = secrets.token_urlsafe(12)
        self.codes[code] = {"redirect_uri": redirect_uri, "token": token_response}
        return code

    def _bearer(self) -> dict:
        header = request.headers.get("Authorization", "")
        token = header.split(" ", 1)[1] if " " in header else request.args.get("access_token")
        if token not in self.tokens:
            abort(401)
        return self.tokens[token]

    def _client_ok(self) -> bool:
        auth = request.authorization
        client_id = auth.username if auth else request.form.get("client_id")
        secret = auth.password if auth else request.form.get("client_secret")
        return CLIENTS.get(client_id) == secret

    def _exchange(self) -> dict | None:
        grant = self.codes.pop(request.form.get("code", ""), None)
        if not self._client_ok() or grant is None:
            return None
        if request.form.get("redirect_uri") != grant["redirect_uri"]:
            return None
        return {"token_type": "bearer", **grant["token"]}

    def _build(self) -> Flask:
        app = Flask("loopback_provider")
        self._discovery_routes(app)
        self._oauth_routes(app)
        self._api_routes(app)

        @app.before_request
        def maybe_fail():
            self.requests.append(request.path)
            if self.failing:
                return jsonify(error="temporarily_unavailable"), 503
            return None

        return app

    def _discovery_routes(self, app: Flask) -> None:
        @app.get("/.well-known/openid-configuration")
        def discovery():
            return {
                "issuer": self.url,
                "authorization_endpoint": f"{self.url}/authorize",
                "token_endpoint": f"{self.url}/token",
                "userinfo_endpoint": f"{self.url}/userinfo",
                "jwks_uri": f"{self.url}/jwks",
                "id_token_signing_alg_values_supported": ["RS256"],
            }

        @app.get("/jwks")
        def jwks():
            return KeySet([self.key]).as_dict(private=False)

    def _oauth_routes(self, app: Flask) -> None:
        @app.post("/token")
        def token():
            answer = self._exchange()
            if answer is None:
                return {"error": "invalid_grant"}, 400
            return answer

        @app.post("/github/token")
        def github_token():
            # GitHub answers a bad code with 200 and an error body.
            return self._exchange() or {"error": "bad_verification_code"}

        @app.get("/tokeninfo")
        def tokeninfo():
            grant = self.tokens.get(request.args.get("access_token", ""))
            if grant is None:
                return {"error": "invalid_token"}, 400
            return {"aud": grant["client"], "azp": grant["client"], "expires_in": 3599}

        @app.get("/userinfo")
        def userinfo():
            return self._bearer()["profile"]

    def _api_routes(self, app: Flask) -> None:
        @app.get("/user")
        def github_user():
            return self._bearer()["user"]

        @app.get("/user/emails")
        def github_emails():
            return jsonify(self._bearer()["emails"])

        @app.get("/me")
        def facebook_me():
            grant = self.tokens.get(request.args.get("access_token", ""))
            if grant is None:
                return {"error": {"type": "OAuthException", "code": 190}}, 400
            secret = CLIENTS[grant["client"]].encode()
            token = request.args["access_token"].encode()
            proof = hmac.new(secret, token, hashlib.sha256).hexdigest()
            if request.args.get("appsecret_proof") != proof:
                return {"error": {"message": "Invalid appsecret_proof", "code": 100}}, 400
            fields = request.args.get("fields", "id").split(",")
            return {k: v for k, v in grant["profile"].items() if k in fields}


def oauth_settings(provider: Provider) -> dict:
    """The app's OAUTH settings pointing every provider at the loopback server."""
    url = provider.url
    discovery = f"{url}/.well-known/openid-configuration"
    return {
        "google": {
            "client_id": "google-client",
            "client_secret": "google-secret",
            "metadata_url": discovery,
            "tokeninfo_url": f"{url}/tokeninfo",
        },
        "apple": {
            "client_id": "apple-client",
            "client_secret": "apple-secret",
            "metadata_url": discovery,
        },
        "github": {
            "client_id": "github-client",
            "client_secret": "github-secret",
            "authorize_url": f"{url}/github/authorize",
            "token_url": f"{url}/github/token",
            "api_base_url": f"{url}/",
        },
        "facebook": {
            "client_id": "facebook-client",
            "client_secret": "facebook-secret",
            "authorize_url": f"{url}/dialog/oauth",
            "token_url": f"{url}/token",
            "api_base_url": f"{url}/",
        },
    }
