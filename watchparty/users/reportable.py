"""People as reportable content (common/reportables.py). A person is never hidden by the report
threshold nor "removed": staff warn, suspend or ban them instead."""

import uuid

from watchparty.common import reportables
from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.users.models import User
from watchparty.users.service import profile_hidden


def _owner(user_id: uuid.UUID):
    user = db.session.get(User, user_id)
    return user.id if user is not None and user.can_sign_in else None


def _visible_to(viewer, user_id: uuid.UUID) -> bool:
    return _owner(user_id) is not None and not profile_hidden.any(viewer.id, user_id)


def _text(user_id: uuid.UUID) -> str:
    user = db.session.get(User, user_id)
    if user is None:
        return ""
    return f"{user.full_name}\n\n{user.bio or ''}".strip()


def _remove(user_id: uuid.UUID, actor_id: uuid.UUID):
    raise ValidationError(
        "A person cannot be removed: warn, suspend or ban them.", code="cannot_remove_user"
    )


REPORTABLE = reportables.Reportable(
    name=reportables.USER,
    label="User",
    owner=_owner,
    visible_to=_visible_to,
    text=_text,
    hide=reportables.nothing,
    unhide=reportables.nothing,
    remove=_remove,
)
