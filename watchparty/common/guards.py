"""Input guards that run before any view parses a request under /api/."""

from flask import Flask, request

from watchparty.errors import ValidationError

NUL = "\x00"


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def reject_nul_characters() -> None:
    """PostgreSQL cannot store NUL in text: refuse it everywhere with one clear 400."""
    if not request.path.startswith("/api/"):
        return
    values = list(request.args.values())
    if request.mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        values += list(request.form.values())
    elif request.is_json:
        values.append(request.get_json(silent=True))
    if any(_has_nul(value) for value in values):
        raise ValidationError(
            "Text may not contain NUL (\\u0000) characters.", code="invalid_characters"
        )


def register_input_guards(app: Flask) -> None:
    """Install the guards on every request."""
    app.before_request(reject_nul_characters)
