"""Limits on guessing room codes and invite codes: failed lookups per user and per client IP."""

from flask import current_app
from flask_limiter.util import get_remote_address

from watchparty.common.auth import current_user
from watchparty.extensions import limiter

# One budget for both kinds of code: alternating room and invite guesses gains nothing.
USER_SCOPE, IP_SCOPE = "code-lookup:user", "code-lookup:ip"


def _config(name: str, default: str):
    return lambda: current_app.config.get(name) or default


def _user_key() -> str:
    """The signed-in caller (the views check the token before the limit runs)."""
    return f"user:{current_user.id}"


def missed(response) -> bool:
    """Only codes that let nobody in count: unknown (404) or expired/used up (410)."""
    return response.status_code in (404, 410)


def code_lookup_limits(view):
    """Failed code lookups: CODE_LOOKUP_RATE_LIMIT per user, CODE_LOOKUP_IP_RATE_LIMIT per IP."""
    view = limiter.shared_limit(
        _config("CODE_LOOKUP_RATE_LIMIT", "20 per minute"),
        USER_SCOPE,
        key_func=_user_key,
        deduct_when=missed,
    )(view)
    return limiter.shared_limit(
        _config("CODE_LOOKUP_IP_RATE_LIMIT", "60 per minute"),
        IP_SCOPE,
        key_func=get_remote_address,
        deduct_when=missed,
    )(view)
