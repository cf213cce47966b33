"""Password hashing (argon2) and the password policy."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()

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
    """An argon2id hash of `password`."""
    return _hasher.hash(password)


def check_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; False for accounts without a password."""
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
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
