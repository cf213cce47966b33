"""Input guards that run before any view reads a request: the body's size, then its text.

Every body is capped at MAX_CONTENT_LENGTH (1 MiB) by Werkzeug before a byte is read, with or
without Content-Length; the upload routes raise their own cap per request (`accepts_body`, or
the videos' `guard_uploads`) and stream. JSON and form bodies, which are parsed whole into
memory, keep the small cap even there. The parsed text is then checked once for what would
only fail deep inside (NUL and unpaired surrogates in PostgreSQL, deep nesting in recursion).
"""

import re
from collections.abc import Callable

from flask import Flask, current_app, request

from watchparty.errors import TooLarge, ValidationError

# PostgreSQL stores neither NUL nor a lone UTF-16 surrogate (which JSON's \ud800 can produce).
BAD_TEXT = re.compile("[\x00\ud800-\udfff]")
TEXT_BODIES = ("application/x-www-form-urlencoded", "multipart/form-data")
UPLOAD_OVERHEAD = 64 * 1024  # multipart framing and the text fields beside the file
_TOO_DEEP = object()  # the parser itself gave up (RecursionError)


def accepts_body(setting: str) -> Callable:
    """Mark a view as an upload route whose body may reach the `setting` limit (bytes)."""

    def mark(view):
        view.body_limit_setting = setting
        return view

    return mark


def raise_upload_cap(endpoint: str | None, _values: dict | None) -> None:
    """An upload route's larger cap, set before anything reads the body (Werkzeug enforces it
    on Content-Length and on the de-chunked stream alike)."""
    view = current_app.view_functions.get(endpoint) if endpoint else None
    setting = getattr(view, "body_limit_setting", None)
    if setting:
        request.max_content_length = current_app.config[setting] + UPLOAD_OVERHEAD


def cap_parsed_bodies() -> None:
    """JSON and url-encoded bodies are parsed whole: 413 over MAX_CONTENT_LENGTH, even on an
    upload route, before reading them."""
    if not (request.is_json or request.mimetype == TEXT_BODIES[0]):
        return
    cap = current_app.config["MAX_CONTENT_LENGTH"]
    if cap is None:
        return
    request.max_content_length = min(request.max_content_length or cap, cap)
    if (request.content_length or 0) > cap:
        raise TooLarge(f"The request body is too large: at most {cap} bytes outside uploads.")


def _problem(roots: list[tuple[str, object]], max_depth: int) -> tuple[str, str] | None:
    """What is wrong with the parsed fields, walked without recursion: None, or
    (error code, the top-level field it sits in)."""
    stack = [(value, 1, field) for field, value in roots]
    while stack:
        item, depth, field = stack.pop()
        if isinstance(item, str):
            if BAD_TEXT.search(item):
                return "invalid_characters", field
        elif isinstance(item, dict | list):
            if depth > max_depth:
                return "too_deep", field
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            stack.extend((child, depth + 1, field) for child in children)
    return None


def _roots(body, query) -> list[tuple[str, object]]:
    """The fields by name: query parameters, then the body's top-level keys."""
    roots = [(key, [key, *values]) for key, values in query]
    if isinstance(body, dict):
        return roots + [(str(key), [key, value]) for key, value in body.items()]
    return roots + [("body", body)]


def check_text(body, query=(), max_depth: int | None = None) -> None:
    """One clear 400 for NUL, unpaired surrogates or absurd nesting in parsed input (a
    request's or a socket event's)."""
    max_depth = max_depth or current_app.config["JSON_MAX_DEPTH"]
    found = ("too_deep", "body") if body is _TOO_DEEP else _problem(_roots(body, query), max_depth)
    if found is None:
        return
    code, field = found
    if code == "too_deep":
        message = f"The body is nested too deeply (at most {max_depth} levels)."
    else:
        message = (
            "Text may not contain NUL (\\u0000) or unpaired surrogate (\\ud800-\\udfff) characters."
        )
    raise ValidationError(message, code=code, errors={field: [message]})


def _parsed_body():
    if request.mimetype in TEXT_BODIES:
        return [[key, *values] for key, values in request.form.lists()]
    if not request.is_json:
        return None
    try:
        return request.get_json(silent=True)
    except RecursionError:  # nested deeper than the parser's own recursion limit
        return _TOO_DEEP


def reject_bad_text() -> None:
    """Check every request's body and query text before a view reads them."""
    check_text(_parsed_body(), request.args.lists())


def register_input_guards(app: Flask) -> None:
    """Install the guards on every request, the size cap first."""
    app.url_value_preprocessor(raise_upload_cap)
    app.before_request(cap_parsed_bodies)
    app.before_request(reject_bad_text)
