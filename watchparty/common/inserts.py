"""Insert-if-absent on the unique key, race-free on PostgreSQL and SQLite alike."""

from sqlalchemy import insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from watchparty.errors import NotFound
from watchparty.extensions import db


def insert_once(model, *, missing: str = "Video not found", **values) -> bool:
    """INSERT a row unless its unique key exists (ON CONFLICT DO NOTHING); whether it was new.

    The database settles concurrent duplicates: the loser waits for the winner and inserts
    nothing. Used instead of a SAVEPOINT because pysqlite's RELEASE of an outermost savepoint
    commits, which would split the row from its counter UPDATE on the embedded database."""
    dialect = db.session.get_bind().dialect.name
    if dialect == "postgresql":
        stmt = postgresql.insert(model).values(**values).on_conflict_do_nothing()
    elif dialect == "sqlite":
        stmt = sqlite.insert(model).values(**values).on_conflict_do_nothing()
    else:  # pragma: no cover - only PostgreSQL and SQLite are supported
        stmt = insert(model).values(**values)
    try:
        return db.session.execute(stmt).rowcount == 1
    except IntegrityError as error:  # a foreign key: the parent row went away meanwhile
        db.session.rollback()
        raise NotFound(missing) from error
