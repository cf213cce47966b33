"""REST views of social sign-in."""

from flask import Blueprint as FlaskBlueprint
from flask import current_app
from flask_limiter.util import get_remote_address

from watchparty.auth import social
from watchparty.auth.social_http import settings
from watchparty.auth.social_schemas import (
    AppleSignInSchema,
    AuthorizationSchema,
    FacebookSignInSchema,
    GitHubSignInSchema,
    GoogleSignInSchema,
    SocialSignInSchema,
)
from watchparty.common.blueprint import Blueprint
from watchparty.errors import NotFound
from watchparty.extensions import limiter

blp = Blueprint("social", __name__, description="Social sign-in")

# Each attempt costs calls to the provider: cap them per client IP.
limited = limiter.limit(
    lambda: current_app.config.get("SOCIAL_RATE_LIMIT") or "30 per minute",
    key_func=get_remote_address,
    scope="social",
)
SIGNED_IN = {"schema": SocialSignInSchema, "success": True, "description": "Signed in"}


@blp.get("/<provider>/")
@blp.response(200, AuthorizationSchema)
def authorization_url(provider: str):
    """The provider's authorize URL (google, github, facebook, apple) and its state."""
    return social.authorization(provider)


@blp.post("/google/")
@blp.arguments(GoogleSignInSchema)
@blp.alt_response(200, **SIGNED_IN)
@limited
def google(data: dict):
    """Sign in with a Google ID token (`id_token`/`credential`), access token or code."""
    return social.sign_in("google", data)


@blp.post("/github/")
@blp.arguments(GitHubSignInSchema)
@blp.alt_response(200, **SIGNED_IN)
@limited
def github(data: dict):
    """Sign in with a GitHub authorization code."""
    return social.sign_in("github", data)


@blp.post("/facebook/")
@blp.arguments(FacebookSignInSchema)
@blp.alt_response(200, **SIGNED_IN)
@limited
def facebook(data: dict):
    """Sign in with a Facebook access token or authorization code."""
    return social.sign_in("facebook", data)


@blp.post("/apple/")
@blp.arguments(AppleSignInSchema)
@blp.alt_response(200, **SIGNED_IN)
@limited
def apple(data: dict):
    """Sign in with an Apple ID token (names are sent by the client on first sign-in)."""
    return social.sign_in("apple", data)


def unknown_provider(provider: str):
    """POST to a provider we do not support: 404 rather than 405."""
    settings(provider)
    raise NotFound()


# Registered past flask-smorest so the catch-all stays out of the OpenAPI document.
FlaskBlueprint.add_url_rule(
    blp, "/<provider>/", "unknown_provider", unknown_provider, methods=["POST"]
)
