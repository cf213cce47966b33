"""What the notifications domain adds below it: the sink of `common.notify` (store, deliver)
and what goes when an account is deleted (its notifications, deliveries and devices)."""

from collections.abc import Callable

from sqlalchemy import delete, select

from watchparty.common import notify
from watchparty.extensions import db
from watchparty.notifications import service
from watchparty.notifications.models import Delivery, Notification, PushDevice
from watchparty.users import deletion
from watchparty.users.models import User


def remove_account_notifications(user: User) -> Callable[[], None] | None:
    """Account deletion: the user's notifications, their deliveries and push devices."""
    mine = select(Notification.id).where(Notification.user_id == user.id)
    db.session.execute(delete(Delivery).where(Delivery.notification_id.in_(mine)))
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
    db.session.execute(delete(PushDevice).where(PushDevice.user_id == user.id))
    return None


def register() -> None:
    """Attach the notifications domain's contributions (called once by the blueprint table)."""
    notify.sinks.register(service.record)
    deletion.register_cleanup(remove_account_notifications)
