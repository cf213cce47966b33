"""Tiny jobs the tests enqueue through watchparty.jobs to prove workers run them for real."""

import uuid

from flask import current_app

from watchparty.extensions import db
from watchparty.users.activity import record


def record_note(user_id: str, note: str) -> str:
    """Write an activity row: needs the app context and the database."""
    record(uuid.UUID(user_id), "test_note", note=note, app=current_app.import_name)
    db.session.commit()
    return note


def explode(message: str) -> None:
    """Fail on purpose: a failing job must not stop the worker."""
    raise RuntimeError(message)
