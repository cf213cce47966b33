"""Keeping the index current: every flush that writes a video, party, user, creator profile or
post writes its index row in the same transaction (no nightly rebuild); `reindex` backfills."""

from sqlalchemy import delete, event, insert, select, update
from sqlalchemy.orm import Session

from watchparty.common.types import new_id, utcnow
from watchparty.extensions import db
from watchparty.parties.models import Party
from watchparty.search.documents import BUILDERS, MODELS, document, object_id, user_name
from watchparty.search.models import SearchDocument
from watchparty.users.models import User

DOCS = SearchDocument.__table__


def _kind(obj) -> str:
    return document(obj)["kind"]


def write(connection, obj) -> None:
    """Replace the index row of `obj` (a delete and an insert: one path on both backends)."""
    values = document(obj)
    if isinstance(obj, Party) and obj.deleted_at is not None:
        remove(connection, obj)
        return
    connection.execute(
        delete(DOCS).where(DOCS.c.kind == values["kind"], DOCS.c.object_id == values["object_id"])
    )
    now = utcnow()
    connection.execute(
        insert(DOCS).values(
            id=new_id(), updated_at=now, **(values | {"created_at": values["created_at"] or now})
        )
    )


def remove(connection, obj) -> None:
    """Drop the index row of `obj` (and, for a person, of everything they own)."""
    connection.execute(
        delete(DOCS).where(DOCS.c.kind == _kind(obj), DOCS.c.object_id == object_id(obj))
    )
    if isinstance(obj, User):
        connection.execute(delete(DOCS).where(DOCS.c.owner_id == obj.id))


def _renamed(connection, user: User) -> None:
    """A person's new name is also their creator profile's title."""
    connection.execute(
        update(DOCS)
        .where(DOCS.c.kind == "creator", DOCS.c.object_id == user.id)
        .values(title=user_name(user), updated_at=utcnow())
    )


def after_flush(session: Session, _context) -> None:
    """Write the index rows of what this flush inserted, changed or deleted."""
    written = [o for o in (*session.new, *session.dirty) if type(o) in BUILDERS]
    gone = [o for o in session.deleted if type(o) in BUILDERS]
    if not written and not gone:
        return
    connection = session.connection()
    for obj in written:
        if obj in session.dirty and not session.is_modified(obj):
            continue
        write(connection, obj)
        if isinstance(obj, User):
            _renamed(connection, obj)
    for obj in gone:
        remove(connection, obj)


def install() -> None:
    """Listen to every session's flushes (once per process, however many apps are built)."""
    if not event.contains(Session, "after_flush", after_flush):
        event.listen(Session, "after_flush", after_flush)


def reindex(kinds=None) -> dict:
    """Rebuild the rows of `kinds` (all by default) from the tables, dropping orphans; commits."""
    counts = {}
    for kind in kinds or MODELS:
        model = MODELS[kind]
        db.session.execute(delete(DOCS).where(DOCS.c.kind == kind))
        counts[kind] = 0
        for obj in db.session.scalars(select(model)).all():
            write(db.session.connection(), obj)
            counts[kind] += 1
        db.session.commit()
    return counts
