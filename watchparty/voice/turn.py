"""ICE servers for a member: STUN, and TURN with time-limited credentials (TURN REST API).

coturn's `use-auth-secret` checks `username = "<expiry unix time>:<user id>"` and
`credential = base64(HMAC-SHA1(TURN_SECRET, username))`, refusing it once the expiry passed,
so nothing is stored and a leaked credential dies by itself after TURN_TTL seconds.
"""

import base64
import hashlib
import hmac
import time
import uuid
from datetime import UTC, datetime

from flask import current_app

STUN_ONLY = (
    "STUN only: TURN is not configured (TURN_SECRET, TURN_URLS), so people behind strict "
    "firewalls or NATs may not connect."
)


def credential(secret: str, username: str) -> str:
    """base64(HMAC-SHA1(secret, username)): the password coturn expects for `username`."""
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def ice_servers(user_id: uuid.UUID, now: float | None = None) -> dict:
    """{ice_servers, turn, note, ttl, expires_at} for RTCPeerConnection's `iceServers`."""
    config = current_app.config
    servers = [{"urls": list(config["STUN_URLS"])}] if config["STUN_URLS"] else []
    secret, urls = config["TURN_SECRET"], config["TURN_URLS"]
    if not (secret and urls):
        return {"ice_servers": servers, "turn": False, "note": STUN_ONLY}
    ttl = config["TURN_TTL"]
    expires = int(now if now is not None else time.time()) + ttl
    username = f"{expires}:{user_id}"
    turn = {"urls": list(urls), "username": username, "credential": credential(secret, username)}
    return {
        "ice_servers": [*servers, turn],
        "turn": True,
        "note": "TURN relays media when a direct connection fails.",
        "ttl": ttl,
        "expires_at": datetime.fromtimestamp(expires, UTC),
    }
