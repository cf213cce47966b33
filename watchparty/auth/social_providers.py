"""Provider identities: ID-token verification and each provider's profile answer."""

import hmac
from dataclasses import dataclass
from hashlib import sha256

import requests
from authlib.oidc.core import IDToken
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from watchparty.auth.social_http import (
    calling,
    client,
    fetch_cached,
    get_json,
    metadata,
    provider_error,
    token_invalid,
)

# Only asymmetric algorithms: an HS256 token "signed" with a public key must never pass.
SAFE_ALGS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
LEEWAY = 60
GOOGLE_TOKENINFO = "https://oauth2.googleapis.com/tokeninfo"


def _decode(provider: str, meta: dict, token: str, force: bool):
    jwks = fetch_cached(provider, meta["jwks_uri"], force=force)
    try:
        keys = KeySet.import_key_set(jwks)
    except (JoseError, ValueError, TypeError, KeyError) as exc:
        raise provider_error(provider) from exc
    advertised = meta.get("id_token_signing_alg_values_supported") or ["RS256"]
    algs = [alg for alg in advertised if alg in SAFE_ALGS]
    return jwt.decode(token, keys, registry=JWSRegistry(algorithms=algs))


def verify_id_token(provider: str, conf: dict, token: str, nonce: str | None = None) -> dict:
    """Verify an ID token's signature (JWKS), iss, aud == client_id, exp and nonce."""
    meta = metadata(provider, conf)
    try:
        try:
            decoded = _decode(provider, meta, token, force=False)
        except InvalidKeyIdError:  # the provider rotated its keys since we cached them
            decoded = _decode(provider, meta, token, force=True)
        issuers = [meta["issuer"]]
        if meta["issuer"].startswith("https://"):
            issuers.append(meta["issuer"][len("https://") :])  # Google also issues without scheme
        options = {
            "iss": {"essential": True, "values": issuers},
            "aud": {"essential": True, "value": conf["client_id"]},
        }
        params = {"client_id": conf["client_id"], "nonce": nonce}
        claims = IDToken(decoded.claims, decoded.header, options, params)
        claims.validate(leeway=LEEWAY)
    except (JoseError, ValueError, TypeError) as exc:
        raise token_invalid(provider, _reason(exc)) from exc
    return dict(claims)


def _reason(exc: Exception) -> str:
    text = getattr(exc, "description", None) or getattr(exc, "error", None) or str(exc)
    return str(text).rstrip(".") or "invalid token"


@dataclass
class Profile:
    """Who the provider says signed in."""

    provider: str
    uid: str
    email: str | None
    email_verified: bool
    first_name: str = ""
    last_name: str = ""
    avatar: str | None = None


def is_true(value) -> bool:
    """Apple sends booleans as the strings "true"/"false"."""
    return value is True or str(value).lower() == "true"


def exchange_code(provider: str, conf: dict, url: str, code: str, redirect_uri: str) -> dict:
    """Trade an authorization code for the provider's token response."""
    session = client(provider, conf, redirect_uri=redirect_uri)
    with calling(provider, rejected="the authorization code was refused"), session:
        return dict(session.fetch_token(url, code=code, redirect_uri=redirect_uri))


def oidc_profile(provider: str, conf: dict, data: dict, nonce: str | None) -> Profile:
    """Google or Apple: verify the ID token (exchanging a code for one first if given)."""
    token = data.get("id_token")
    if not token and data.get("code"):
        meta = metadata(provider, conf)
        answer = exchange_code(
            provider, conf, meta["token_endpoint"], data["code"], data["redirect_uri"]
        )
        token = answer.get("id_token")
        if not token:
            raise token_invalid(provider, "the token response carried no ID token")
    claims = verify_id_token(provider, conf, token, nonce)
    if not claims.get("email") or not is_true(claims.get("email_verified")):
        raise token_invalid(provider, "the email address is not verified")
    return Profile(
        provider,
        str(claims["sub"]),
        claims["email"],
        True,
        data.get("first_name") or claims.get("given_name") or "",
        data.get("last_name") or claims.get("family_name") or "",
        claims.get("picture"),
    )


def google_userinfo(conf: dict, access_token: str) -> Profile:
    """Google with an access token: check it was issued to us, then read userinfo."""
    meta = metadata("google", conf)
    bad = "the access token was refused"
    with calling("google", rejected=bad), requests.Session() as session:
        info = get_json(
            session,
            conf.get("tokeninfo_url", GOOGLE_TOKENINFO),
            params={"access_token": access_token},
        )
        # Without this check any app holding a user's Google token could sign in as them.
        if conf["client_id"] not in (info.get("aud"), info.get("azp")):
            raise token_invalid("google", "the access token was issued to another application")
        session.headers["Authorization"] = f"Bearer {access_token}"
        claims = get_json(session, meta["userinfo_endpoint"])
    if (
        not claims.get("sub")
        or not claims.get("email")
        or not is_true(claims.get("email_verified"))
    ):
        raise token_invalid("google", "the email address is not verified")
    return Profile(
        "google",
        str(claims["sub"]),
        claims["email"],
        True,
        claims.get("given_name") or "",
        claims.get("family_name") or "",
        claims.get("picture"),
    )


def github_profile(conf: dict, data: dict) -> Profile:
    """GitHub: exchange the code, read the user and their primary verified email."""
    token = exchange_code("github", conf, conf["token_url"], data["code"], data["redirect_uri"])
    if not token.get("access_token"):
        raise token_invalid("github", "no access token was issued")
    base = conf["api_base_url"].rstrip("/") + "/"
    session = client("github", conf, token=token)
    session.headers["Accept"] = "application/vnd.github+json"
    with calling("github", rejected="the access token was refused"), session:
        user = get_json(session, base + "user")
        emails = get_json(session, base + "user/emails")
    emails = [e for e in emails if isinstance(e, dict) and e.get("email")]
    chosen = next((e for e in emails if e.get("primary") and e.get("verified")), None)
    chosen = chosen or next((e for e in emails if e.get("verified")), None)
    fallback = next((e["email"] for e in emails if e.get("primary")), user.get("email"))
    email, verified = (chosen["email"], True) if chosen else (fallback, False)
    first, _, last = (user.get("name") or user.get("login") or "").partition(" ")
    if not user.get("id"):
        raise provider_error("github")
    return Profile("github", str(user["id"]), email, verified, first, last, user.get("avatar_url"))


def facebook_profile(conf: dict, data: dict) -> Profile:
    """Facebook: exchange the code if given, then read `me` with an appsecret_proof."""
    access_token = data.get("access_token")
    if not access_token:
        token = exchange_code(
            "facebook", conf, conf["token_url"], data["code"], data["redirect_uri"]
        )
        access_token = token.get("access_token")
        if not access_token:
            raise token_invalid("facebook", "no access token was issued")
    params = {"fields": "id,email,first_name,last_name", "access_token": access_token}
    if conf.get("client_secret"):
        # Graph refuses the proof for a token issued to another app: our audience check.
        key = conf["client_secret"].encode()
        params["appsecret_proof"] = hmac.new(key, access_token.encode(), sha256).hexdigest()
    base = conf["api_base_url"].rstrip("/") + "/"
    with calling("facebook", rejected="the access token was refused"), requests.Session() as s:
        me = get_json(s, base + "me", params=params)
    if not me.get("id"):
        raise provider_error("facebook")
    # Graph only returns an email the person has confirmed with Facebook.
    return Profile(
        "facebook",
        str(me["id"]),
        me.get("email"),
        bool(me.get("email")),
        me.get("first_name") or "",
        me.get("last_name") or "",
    )
