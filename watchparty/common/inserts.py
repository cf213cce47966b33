"""Writes that race: insert-if-absent on the unique key, and commits whose duplicate is a 409."""

from sqlalchemy import insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from watchparty.errors import Conflict, NotFound
from watchparty.extensions import db


def _insert_ignoring_duplicates(model):
    """INSERT … ON CONFLICT DO NOTHING in the session's dialect."""
    dialect = db.session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(model).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite.insert(model).on_conflict_do_nothing()
    return insert(model)  # pragma: no cover - only PostgreSQL and SQLite are supported


def insert_many_once(model, rows: list[dict]) -> None:
    """INSERT many rows in one statement; those whose unique key exists are skipped."""
    if rows:
        db.session.execute(_insert_ignoring_duplicates(model), rows)


def insert_once(model, *, missing: str = "Video not found", **values) -> bool:
    """INSERT a row unless its unique key exists (ON CONFLICT DO NOTHING); whether it was new.

    The database settles concurrent duplicates: the loser waits for the winner and inserts
    nothing. Used instead of a SAVEPOINT because pysqlite's RELEASE of an outermost savepoint
    commits, which would split the row from its counter UPDATE on the embedded database."""
    stmt = _insert_ignoring_duplicates(model).values(**values)
    try:
        return db.session.execute(stmt).rowcount == 1
    except IntegrityError as error:  # a foreign key: the parent row went away meanwhile
        db.session.rollback()
        raise NotFound(missing) from error


def commit_unique(conflict: Conflict, *, flush: bool = False) -> None:
    """Commit (or only flush); a unique violation rolls back and raises `conflict`.

    For the writes whose duplicate has its own message (an email taken, a second vote);
    any other IntegrityError reaches the app's one mapping, `errors.duplicate_conflict`."""
    try:
        db.session.flush() if flush else db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise conflict from error
