"""Telling many people at once (an admin's broadcast, a bulk send from a template): workers fan
it out in batches of users, each batch one INSERT, its live events and its push deliveries;
the request only queues the first batch. A batch run twice adds nothing (one unread
notification per broadcast and user)."""

import uuid

from jinja2 import TemplateError
from sqlalchemy import func, select

from watchparty.common.inserts import insert_many_once
from watchparty.common.types import new_id, utcnow
from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.jobs import job
from watchparty.notifications import delivery, live, preferences, templates
from watchparty.notifications.kinds import BROADCAST_TYPES, EMAIL, IN_APP, PUSH, kind
from watchparty.notifications.models import Delivery, Notification, PushDevice
from watchparty.users.models import ACTIVE, User

BATCH = 1000


def start(kind_name: str, title: str, message: str, user_ids: list | None, data=None) -> dict:
    """Queue a broadcast to `user_ids` (None: every active user); what the caller is told."""
    broadcast_id = str(new_id())
    ids = [str(i) for i in dict.fromkeys(user_ids)] if user_ids is not None else None
    query = select(func.count()).select_from(User).where(User.status == ACTIVE)
    if ids is not None:
        query = query.where(User.id.in_([uuid.UUID(i) for i in ids]))
    targets = db.session.scalar(query) or 0
    job_id = fan_out.enqueue(broadcast_id, kind_name, title, message, data or {}, ids, None)
    return {
        "success": True,
        "message": f"Sending to {targets} people.",
        "broadcast_id": broadcast_id,
        "job_id": job_id,
        "target_count": targets,
    }


def announce(body: dict) -> dict:
    """An admin's broadcast, in any of seed 003's shapes (`target_users` or `recipients`)."""
    targets = body.get("target_users", body.get("recipients"))
    return start(BROADCAST_TYPES[body["type"]], body["title"], body["message"], targets)


def bulk_send(template_id: uuid.UUID, user_ids: list, data: dict) -> dict:
    """Send a template, rendered with `data`, to the listed people (in batches, by workers)."""
    row = templates.get(template_id)
    try:
        title, body = templates.render(row.title, data), templates.render(row.body, data)
    except TemplateError as error:
        raise ValidationError(errors={"data": [f"The template cannot use it: {error}"]}) from None
    data = {**data, "template_id": str(row.id)}
    return start(row.type, title[:200], body[:1000], user_ids, data)


def _batch(ids: list | None, after: str | None) -> list[User]:
    stmt = select(User).where(User.status == ACTIVE).order_by(User.id).limit(BATCH)
    if ids is not None:
        stmt = stmt.where(User.id.in_([uuid.UUID(i) for i in ids]))
    if after:
        stmt = stmt.where(User.id > uuid.UUID(after))
    return list(db.session.scalars(stmt))


@job("notify", timeout=900)
def fan_out(broadcast_id, kind_name, title, message, data, ids, after) -> int:
    """One batch of a broadcast (the next batch is queued first); how many were told."""
    users = _batch(ids, after)
    if len(users) == BATCH:
        fan_out.enqueue(broadcast_id, kind_name, title, message, data, ids, str(users[-1].id))
    wanted = [u for u in users if preferences.wants(u, kind_name, IN_APP)]
    if not wanted:
        return 0
    now, key = utcnow(), f"broadcast:{broadcast_id}"
    rows = [
        {
            "id": new_id(),
            "user_id": u.id,
            "type": kind(kind_name).name,
            "title": title,
            "message": message,
            "data": data,
            "collapse_key": key,
            "count": 1,
            "created_at": now,
            "updated_at": now,
        }
        for u in wanted
    ]
    by_id = {u.id: u for u in wanted}  # read before the commit expires the users
    emailed = {u.id for u in wanted if u.is_verified and preferences.wants(u, kind_name, EMAIL)}
    insert_many_once(Notification, rows)
    db.session.commit()
    stored = db.session.scalars(
        select(Notification).where(
            Notification.collapse_key == key, Notification.user_id.in_(list(by_id))
        )
    ).all()
    _tell(stored)
    _deliver(stored, by_id, emailed)
    return len(stored)


def _tell(stored: list[Notification]) -> None:
    counts = dict(
        db.session.execute(
            select(Notification.user_id, func.count())
            .where(Notification.user_id.in_([n.user_id for n in stored]))
            .where(Notification.read_at.is_(None))
            .group_by(Notification.user_id)
        ).all()
    )
    for row in stored:
        live.created(row, counts.get(row.user_id, 0))


def _deliver(stored: list[Notification], users: dict, emailed: set) -> None:
    """Email and push deliveries for the batch, as each person's preferences allow."""
    by_user = {n.user_id: n for n in stored}
    devices = db.session.scalars(select(PushDevice).where(PushDevice.user_id.in_(list(by_user))))
    rows = [Delivery(notification_id=by_user[i].id, channel=EMAIL) for i in emailed if i in by_user]
    for device in devices:
        channel, note = delivery.channel_of(device), by_user[device.user_id]
        allowed = channel in PUSH and delivery.can_reach(device)
        if allowed and preferences.wants(users[device.user_id], note.type, channel):
            rows.append(Delivery(notification_id=note.id, channel=channel, target=str(device.id)))
    db.session.add_all(rows)
    db.session.commit()
    for row in rows:
        delivery.send_one.enqueue(str(row.id))
