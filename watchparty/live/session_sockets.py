"""The sockets each sign-in session holds, on any process, and the sessions revoked.

A revoked session must stop working on sockets too. Once the revocation is committed, the
session is marked in the live store, which every socket event checks (one GET), and every
socket it holds is closed, on every web process: with a message queue, `disconnect` of a sid
held elsewhere is relayed. Not before the commit: a client told to go would refresh its token
or reconnect at once, and find the session still live.
"""

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from watchparty.extensions import db, socketio
from watchparty.live.state import PROCESS_ID, store


def _sockets(session_id) -> str:
    return f"session:sockets:{session_id}"


def _revoked(session_id) -> str:
    return f"session:revoked:{session_id}"


def track(session_id, namespace: str, sid: str) -> None:
    """Record that connection `sid` on `namespace` belongs to the session."""
    store().hset(_sockets(session_id), f"{namespace} {sid}", PROCESS_ID)


def untrack(session_id, namespace: str, sid: str) -> None:
    """Forget a closed connection."""
    store().hdel(_sockets(session_id), f"{namespace} {sid}")


def mark_revoked(session_id) -> None:
    """Refuse the session's socket events from now on (for as long as it could have lived)."""
    ttl = current_app.config["JWT_REFRESH_TOKEN_EXPIRES"].total_seconds()
    store().set(_revoked(session_id), "1", ttl=ttl)


def is_revoked(session_id) -> bool:
    """Whether the session was revoked (the live store's mark; the database is the record)."""
    return store().get(_revoked(session_id)) is not None


def end(session_ids) -> None:
    """Mark the sessions revoked and close every socket they hold, on every process."""
    for session_id in session_ids:
        mark_revoked(session_id)
        key = _sockets(session_id)
        # A sid of a killed process may linger: disconnecting it is a no-op.
        for entry in store().hgetall(key):
            namespace, sid = entry.split(" ", 1)
            socketio.server.disconnect(sid, namespace=namespace)
        store().delete(key)


_PENDING = "session_sockets.end"


def end_after_commit(session_ids) -> None:
    """End the sessions (see `end`) when the current transaction commits; not if it rolls back."""
    db.session.info.setdefault(_PENDING, set()).update(session_ids)


@event.listens_for(Session, "after_commit")
def _ended(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending:
        # Off this thread: closing a local socket runs its disconnect handler, which must not
        # share the committing request's database session.
        app = current_app._get_current_object()
        socketio.start_background_task(_end_in, app, pending)


def _end_in(app, session_ids) -> None:
    with app.app_context():
        end(session_ids)


@event.listens_for(Session, "after_rollback")
def _kept(session: Session) -> None:
    session.info.pop(_PENDING, None)
