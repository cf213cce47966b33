"""Where a notification opens in the browser client, and its signed one-click unsubscribe."""

import uuid

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from watchparty.errors import ValidationError

# The first id a notification's data holds decides the page it opens.
PAGES = (
    ("conversation_id", "/messages?c={}"),
    ("party_id", "/party/{}"),
    ("group_id", "/groups/{}"),
    ("creator_id", "/creators/{}"),
    ("sender_id", "/friends"),
    ("video_id", "/upload"),
    ("ticket_id", "/help/tickets/{}"),
)


def path_of(data: dict) -> str:
    """The client path a notification opens (its notifications page when nothing fits)."""
    for key, pattern in PAGES:
        if data.get(key):
            return pattern.format(data[key])
    return "/notifications"


def open_url(data: dict) -> str:
    """The absolute URL of `path_of`."""
    return current_app.config["FRONTEND_URL"] + path_of(data)


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="notifications-unsubscribe")


def unsubscribe_url(user_id: uuid.UUID, kind: str) -> str:
    """A link that turns off email for one kind, for one user, without signing in."""
    token = _signer().dumps({"u": str(user_id), "k": kind})
    return f"{current_app.config['FRONTEND_URL']}/api/notifications/unsubscribe/?token={token}"


def read_unsubscribe(token: str) -> tuple[uuid.UUID, str]:
    """The (user id, kind) a token names; 400 `invalid_token` for anything else."""
    try:
        claims = _signer().loads(token)
        return uuid.UUID(claims["u"]), str(claims["k"])
    except (BadSignature, KeyError, TypeError, ValueError):
        raise ValidationError("This unsubscribe link is not valid.", code="invalid_token") from None
