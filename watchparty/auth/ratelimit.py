"""The second-factor limit: failed codes per challenged account and per IP."""

from flask_limiter.util import get_remote_address

from watchparty.auth.twofactor import challenge_user_id
from watchparty.common.ratelimit import (
    account_key,
    bearer_subject,
    failed,
    json_str,
    per_account,
    per_ip,
)


def two_factor_key() -> str:
    """The account a 2FA step targets: the challenge's user, or the bearer token's."""
    token = json_str("two_factor_token")
    uid = challenge_user_id(token) if token else None
    if uid is None:
        uid = bearer_subject()
    return account_key(str(uid)) if uid else get_remote_address()


def two_factor_limits(view):
    """The same limits on failed second factors, keyed on the challenged account."""
    view = per_account(two_factor_key, failed)(view)
    return per_ip("LOGIN_RATE_LIMIT", "10 per minute", failed)(view)
