"""Signed, expiring tokens for the local store's private GET URLs and direct uploads."""

import hashlib
import hmac
import time

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from watchparty.errors import Forbidden
from watchparty.storage.keys import clean_key


def _mac(key: str, expires: int) -> str:
    secret = current_app.config["SECRET_KEY"].encode()
    # Signed and checked on the normal key only: no other spelling can borrow a signature.
    message = f"media-get:{clean_key(key)}:{expires}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def sign_get(key: str, expires_in: int) -> str:
    """The query string that lets anyone GET `key` for `expires_in` seconds."""
    expires = int(time.time()) + expires_in
    return f"expires={expires}&signature={_mac(key, expires)}"


def check_get(key: str, expires: str | None, signature: str | None) -> bool:
    """Whether a GET of `key` carries a valid, unexpired signature."""
    if not expires or not signature or not expires.isdigit():
        return False
    if int(expires) < time.time():
        return False
    return hmac.compare_digest(_mac(key, int(expires)), signature)


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="media-put")


def sign_put(key: str, content_type: str) -> str:
    """A token naming the key a client may PUT, and its content type."""
    return _serializer().dumps({"key": clean_key(key), "type": content_type})


def check_put(token: str) -> dict:
    """The key and content type a PUT token grants; 403 when forged or expired."""
    try:
        return _serializer().loads(token, max_age=current_app.config["UPLOAD_URL_TTL"])
    except BadSignature as error:  # SignatureExpired is a BadSignature
        raise Forbidden("This upload URL is invalid or has expired.") from error
