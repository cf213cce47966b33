"""Reaching the sign-in providers: settings, errors, Authlib clients, cached documents."""

import time
from collections.abc import Iterator
from contextlib import contextmanager

import requests
from authlib.integrations.base_client import OAuthError
from authlib.integrations.requests_client import OAuth2Session
from flask import current_app

from watchparty.errors import AppError, NotFound, Unauthorized

PROVIDERS = {"google": "Google", "github": "GitHub", "facebook": "Facebook", "apple": "Apple"}
SCOPES = {
    "google": "openid email profile",
    "apple": "name email",
    "github": "read:user user:email",
    "facebook": "email public_profile",
}

_cache: dict[str, tuple[float, float, dict]] = {}  # url -> (fetched at, expires at, document)


def title(provider: str) -> str:
    """The provider's display name."""
    return PROVIDERS.get(provider, provider)


def settings(provider: str) -> dict:
    """The provider's client settings; 404 when unknown, 400 when it has no client id."""
    if provider not in PROVIDERS:
        raise NotFound(
            f"Unknown sign-in provider '{provider[:40]}'. Use one of: {', '.join(PROVIDERS)}.",
            code="unknown_provider",
        )
    conf = (current_app.config.get("OAUTH") or {}).get(provider) or {}
    if not conf.get("client_id"):
        env = provider.upper()
        raise AppError(
            f"Sign-in with {title(provider)} is not configured on this server "
            f"(set {env}_CLIENT_ID and {env}_CLIENT_SECRET).",
            code="provider_not_configured",
            status=400,
        )
    return conf


def provider_error(provider: str) -> AppError:
    """502: the provider could not be reached or failed."""
    return AppError(
        f"{title(provider)} could not be reached or answered with an error. Try again later.",
        code="provider_error",
        status=502,
    )


def token_invalid(provider: str, reason: str) -> Unauthorized:
    """401: the provider's credential did not verify."""
    return Unauthorized(
        f"The {title(provider)} sign-in could not be verified: {reason}.",
        code="social_token_invalid",
    )


@contextmanager
def calling(provider: str, rejected: str | None = None) -> Iterator[None]:
    """Map transport failures to 502 and, when `rejected` is given, a 4xx answer to 401."""
    try:
        yield
    except OAuthError as exc:
        raise token_invalid(provider, exc.description or exc.error or "rejected") from exc
    except requests.HTTPError as exc:
        status = exc.response.status_code if exc.response is not None else 500
        if rejected and 400 <= status < 500 and status != 429:
            raise token_invalid(provider, rejected) from exc
        raise provider_error(provider) from exc
    except (requests.RequestException, ValueError) as exc:
        raise provider_error(provider) from exc


def timeout() -> float:
    """Seconds to wait for a provider."""
    return float(current_app.config.get("OAUTH_TIMEOUT", 10))


def client(provider: str, conf: dict, token: dict | None = None, **kwargs) -> OAuth2Session:
    """An Authlib OAuth 2 client for the provider."""
    return OAuth2Session(
        conf["client_id"],
        conf.get("client_secret"),
        scope=SCOPES[provider],
        token=token,
        default_timeout=timeout(),
        **kwargs,
    )


def get_json(session: requests.Session, url: str, **kwargs) -> dict | list:
    """GET a JSON document (raises HTTPError/ValueError for `calling` to map)."""
    response = session.get(url, timeout=timeout(), **kwargs)
    response.raise_for_status()
    data = response.json()
    if not isinstance(data, dict | list):
        raise ValueError("not a JSON document")
    return data


def fetch_cached(provider: str, url: str, force: bool = False) -> dict:
    """A discovery document or JWKS, kept briefly: providers rotate keys rarely."""
    hit, now = _cache.get(url), time.monotonic()
    # Forced refreshes (unknown key id) are spaced out so junk tokens cannot hammer the provider.
    spacing = float(current_app.config.get("OAUTH_REFRESH_SPACING", 30))
    if hit and hit[1] > now and (not force or now - hit[0] < spacing):
        return hit[2]
    with calling(provider), requests.Session() as session:
        data = get_json(session, url)
    if not isinstance(data, dict):
        raise provider_error(provider)
    ttl = float(current_app.config.get("OAUTH_CACHE_SECONDS", 300))
    _cache[url] = (now, now + ttl, data)
    return data


def clear_cache() -> None:
    """Forget every cached discovery document and JWKS."""
    _cache.clear()


def metadata(provider: str, conf: dict) -> dict:
    """The provider's OpenID discovery document."""
    meta = fetch_cached(provider, conf["metadata_url"])
    if not meta.get("jwks_uri") or not meta.get("issuer"):
        raise provider_error(provider)
    return meta
