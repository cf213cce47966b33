"""Fixtures of the users tests: sessions opened through the real token service, images."""

import io

import pytest
from PIL import Image

from watchparty.auth.tokens import start_session
from watchparty.extensions import db


@pytest.fixture
def signin():
    """Open a real session for a user; returns its tokens (access, refresh, session_id)."""

    def sign_in(user) -> dict:
        tokens = start_session(user)
        db.session.commit()
        return tokens

    return sign_in


@pytest.fixture
def auth(signin):
    """Authorization headers for a freshly signed-in user."""

    def headers(user) -> dict:
        return {"Authorization": f"Bearer {signin(user)['access_token']}"}

    return headers


@pytest.fixture
def me(users, auth):
    """A signed-in user and their headers."""
    user = users.create(first_name="Ada", last_name="Lovelace")
    return user, auth(user)


def image_bytes(fmt: str = "PNG", size=(64, 48), mode: str = "RGB", **save) -> bytes:
    """A real image in `fmt`."""
    out = io.BytesIO()
    Image.new(mode, size, color=(200, 30, 60) if mode == "RGB" else None).save(out, fmt, **save)
    return out.getvalue()
