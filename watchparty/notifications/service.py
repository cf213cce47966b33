"""Storing notifications (the sink every domain's `notify` reaches) and the user's own list:
read, mark read, delete, clear. Unread events sharing a collapse key become one notification."""

import uuid

from sqlalchemy import delete, func, select, update

from watchparty.common.inserts import insert_once
from watchparty.common.notify import Notice
from watchparty.common.pagination import paginate
from watchparty.common.types import new_id, utcnow
from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.notifications import delivery, live, preferences
from watchparty.notifications.kinds import IN_APP, kind
from watchparty.notifications.models import Notification
from watchparty.users.models import ACTIVE, User
from watchparty.users.service import hidden_from


def _bump(user_id: uuid.UUID, notice: Notice) -> Notification | None:
    """Fold the notice into the user's unread one with its key, if there is one."""
    row = db.session.scalar(
        select(Notification)
        .where(
            Notification.user_id == user_id,
            Notification.collapse_key == notice.collapse_key,
            Notification.read_at.is_(None),
        )
        .with_for_update()
    )
    if row is None:
        return None
    row.count += 1
    row.title = notice.title
    row.message = notice.collapsed.format(count=row.count) if notice.collapsed else notice.message
    row.data, row.actor_id, row.updated_at = notice.data, notice.actor_id, utcnow()
    return row


def _insert(user_id: uuid.UUID, notice: Notice) -> Notification | None:
    values = {
        "id": new_id(),
        "user_id": user_id,
        "type": notice.kind,
        "title": notice.title[:200],
        "message": notice.message[:1000],
        "data": {k: str(v) if isinstance(v, uuid.UUID) else v for k, v in notice.data.items()},
        "actor_id": notice.actor_id,
        "collapse_key": notice.collapse_key,
        "created_at": utcnow(),
        "updated_at": utcnow(),
    }
    if not insert_once(Notification, missing="No such user.", **values):
        return None  # another event with the same key got there first: fold into it
    return db.session.get(Notification, values["id"])


def record(notice: Notice) -> Notification | None:
    """Store a notice for its user (if they want it), then deliver it; None when dropped."""
    user = db.session.get(User, notice.user_id)
    kind(notice.kind)  # an unknown kind is a programming mistake: fail loudly
    if user is None or user.status != ACTIVE or not preferences.wants(user, notice.kind, IN_APP):
        return None
    if notice.actor_id is not None and notice.actor_id in hidden_from(user.id):
        return None  # nothing from someone the user blocked
    row = None
    if notice.collapse_key:
        row = _bump(user.id, notice)
    if row is None:
        row = _insert(user.id, notice) or _bump(user.id, notice)
    db.session.commit()
    live.created(row, unread_count(user.id))
    if row.count == 1:  # email and push once per collapsed notification, not per event
        delivery.dispatch(row, user)
    return row


def unread_count(user_id: uuid.UUID) -> int:
    """How many of the user's notifications are unread."""
    stmt = select(func.count()).where(
        Notification.user_id == user_id, Notification.read_at.is_(None)
    )
    return db.session.scalar(stmt) or 0


def listing(user: User, query: dict) -> dict:
    """The user's notifications, the latest first, filtered by `read` and `type`."""
    stmt = select(Notification).where(Notification.user_id == user.id)
    if query.get("read") is not None:
        stmt = stmt.where(
            Notification.read_at.is_not(None) if query["read"] else Notification.read_at.is_(None)
        )
    if query.get("type"):
        stmt = stmt.where(Notification.type == query["type"])
    stmt = stmt.order_by(Notification.updated_at.desc(), Notification.id.desc())
    page = paginate(stmt, query["page"], query["page_size"])
    return page | {"notifications": page["results"], "unread_count": unread_count(user.id)}


def one(user: User, notification_id: uuid.UUID) -> Notification:
    """One of the user's notifications (404 for anyone else's)."""
    row = db.session.get(Notification, notification_id)
    if row is None or row.user_id != user.id:
        raise NotFound("No such notification.", code="notification_not_found")
    return row


def mark_read(user: User, notification_id: uuid.UUID | None) -> dict:
    """Mark one read (again is fine), or all of them without an id; the user's other tabs
    hear of it."""
    if notification_id is None:
        return mark_all_read(user)
    row = one(user, notification_id)
    if row.read_at is None:
        row.read_at = utcnow()
        delivery.opened(row.id)
        db.session.commit()
    count = unread_count(user.id)
    live.read(user.id, [row.id], count)
    return {"success": True, "message": "Marked as read.", "unread_count": count}


def mark_all_read(user: User) -> dict:
    """Mark every unread notification read."""
    stmt = update(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    changed = db.session.execute(stmt.values(read_at=utcnow())).rowcount
    db.session.commit()
    live.read(user.id, None, 0)
    return {"success": True, "message": f"{changed} marked as read.", "unread_count": 0}


def remove(user: User, notification_id: uuid.UUID) -> dict:
    """Delete one notification."""
    row = one(user, notification_id)
    delivery.forget([row.id])
    db.session.delete(row)
    db.session.commit()
    count = unread_count(user.id)
    live.deleted(user.id, [row.id], count)
    return {"success": True, "message": "Notification deleted.", "unread_count": count}


def clear(user: User) -> dict:
    """Delete all of the user's notifications."""
    ids = list(db.session.scalars(select(Notification.id).where(Notification.user_id == user.id)))
    delivery.forget(ids)
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
    db.session.commit()
    live.deleted(user.id, None, 0)
    return {"success": True, "message": f"{len(ids)} deleted.", "unread_count": 0}
