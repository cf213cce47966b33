"""Password hashing (argon2) and the password policy."""

import os
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from watchparty.common import blocking

_hasher = PasswordHasher()
# Hashes are CPU-bound: running more at once than cores-1 starves the event loop's core.
_slots = threading.BoundedSemaphore(max(1, (os.cpu_count() or 2) - 1))


def _limited(fn, *args):
    with _slots:
        return blocking.run(fn, *args)


COMMON = {
    "password",
    "password1",
    "password123",
    "12345678",
    "123456789",
    "1234567890",
    "qwerty123",
    "qwertyuiop",
    "iloveyou",
    "letmein123",
    "welcome123",
    "admin123",
    "abc12345",
    "11111111",
    "00000000",
    "passw0rd",
    "football",
    "baseball",
    "sunshine",
    "princess",
    "watchparty",
}
MIN_LENGTH, MAX_LENGTH = 8, 128


def hash_password(password: str) -> str:
    """An argon2id hash of `password` (computed off the event loop)."""
    return _limited(_hasher.hash, password)


def check_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; False for accounts without a password."""
    if not password_hash:
        return False
    try:
        return _limited(_hasher.verify, password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def policy_errors(password: str, email: str | None = None) -> list[str]:
    """Every reason `password` is not acceptable, as messages a person can act on."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Password must be at least {MIN_LENGTH} characters long.")
    if len(password) > MAX_LENGTH:
        problems.append(f"Password must be at most {MAX_LENGTH} characters long.")
    if password.isdigit():
        problems.append("Password cannot be entirely numeric.")
    if password.lower() in COMMON:
        problems.append("Password is too common.")
    if email and email.split("@")[0].lower() in password.lower() and len(email.split("@")[0]) >= 4:
        problems.append("Password is too similar to the email address.")
    if not any(c.isalpha() for c in password) or not any(not c.isalpha() for c in password):
        problems.append("Password must contain both letters and numbers or symbols.")
    return problems
