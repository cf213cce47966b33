"""Fixtures of the auth tests: registration bodies, forged and expired tokens."""

import uuid
from datetime import timedelta

import jwt as pyjwt
import pytest
from flask_jwt_extended import create_access_token

from tests.factories import PASSWORD
from watchparty.common.types import utcnow

NEW_PASSWORD = "Another-Str0ng-Pass!"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # a fixed 160-bit TOTP secret


@pytest.fixture
def signup():
    """A valid registration body (override fields with keyword arguments)."""

    def make(**fields) -> dict:
        body = {
            "email": f"new-{uuid.uuid4().hex[:8]}@example.com",
            "password": PASSWORD,
            "confirm_password": PASSWORD,
            "first_name": "Ada",
            "last_name": "Lovelace",
        }
        body.update(fields)
        return body

    return make


@pytest.fixture
def forged_token(app):
    """An access token for `user` signed with a key the server does not know."""

    def make(user, session_id: str | None = None) -> str:
        now = int(utcnow().timestamp())
        claims = {
            "sub": str(user.id),
            "sid": session_id or str(uuid.uuid4()),
            "type": "access",
            "fresh": False,
            "jti": uuid.uuid4().hex,
            "iat": now,
            "nbf": now,
            "exp": now + 600,
        }
        return pyjwt.encode(claims, "some-other-key-entirely-0123456789abcdef", algorithm="HS256")

    return make


@pytest.fixture
def expired_token(app):
    """A correctly signed access token for a live session, already past its expiry."""

    def make(user, session_id: str) -> str:
        return create_access_token(
            identity=str(user.id),
            additional_claims={"sid": session_id},
            expires_delta=timedelta(seconds=-30),
        )

    return make
