"""Signed-in devices: list them, revoke one, revoke all but the current one."""

import uuid

from watchparty.auth import tokens
from watchparty.auth.models import UserSession
from watchparty.common.pagination import paginate
from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.users import activity
from watchparty.users.models import User


def list_sessions(user: User, current: uuid.UUID | None, page: int, page_size: int) -> dict:
    """The user's live sessions, most recently used first, as a PaginatedResponse."""
    stmt = tokens.live_sessions(user.id).order_by(UserSession.last_seen_at.desc(), UserSession.id)

    def mark(rows: list[UserSession]) -> list[UserSession]:
        # A plain attribute: the response schema dumps it with the columns.
        for row in rows:
            row.is_current = row.id == current
        return rows

    return paginate(stmt, page, page_size, dump=mark)


def revoke(user: User, session_id: uuid.UUID) -> None:
    """Revoke one of the user's sessions; 404 for unknown ids and other users' sessions."""
    session = db.session.get(UserSession, session_id)
    if session is None or session.user_id != user.id or session.revoked_at is not None:
        raise NotFound("Session not found.", code="session_not_found")
    tokens.revoke_session(session, "revoked_by_user")
    activity.record(user.id, activity.SESSION_REVOKED, session_id=str(session_id))
    db.session.commit()


def revoke_others(user: User, current: uuid.UUID | None) -> int:
    """Revoke every session except the current one; returns how many."""
    count = tokens.revoke_all(user.id, "revoked_by_user", keep=current)
    activity.record(user.id, activity.SESSION_REVOKED, all_others=True, revoked=count)
    db.session.commit()
    return count
