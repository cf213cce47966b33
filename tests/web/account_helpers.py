"""Helpers for the account, lobby and upload browser tests."""

import io
import time

import pyotp

from tests.factories import PASSWORD


def sign_in_through_the_form(page, email: str, password: str = PASSWORD) -> None:
    """Fill the sign-in form (the page must show it) and submit it."""
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def enable_totp(client, users, user) -> str:
    """Turn two-factor sign-in on for `user` through the API; returns the TOTP secret."""
    headers = users.headers(user)
    setup = client.post("/api/auth/2fa/setup/", headers=headers)
    assert setup.status_code == 200, setup.get_json()
    secret = setup.get_json()["secret"]
    confirm = client.post(
        "/api/auth/2fa/verify/", json={"code": pyotp.TOTP(secret).now()}, headers=headers
    )
    assert confirm.status_code == 200, confirm.get_json()
    return secret


def unused_totp_code(secret: str) -> str:
    """A code the server accepts that was not the one spent turning 2FA on (the next step's)."""
    return pyotp.TOTP(secret).at(time.time() + 30)


def png_bytes(size: int = 64) -> bytes:
    """A real PNG image: a violet square."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (size, size), (139, 92, 246)).save(buffer, format="PNG")
    return buffer.getvalue()


def create_party(client, users, host, **fields) -> dict:
    """Create a party through the API as `host`; returns it."""
    body = {"title": "A party"} | fields
    response = client.post("/api/parties/", json=body, headers=users.session_headers(host))
    assert response.status_code == 201, response.get_json()
    return response.get_json()
