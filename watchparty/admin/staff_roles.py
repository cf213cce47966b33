"""Staff roles: superusers make people moderators or admins, or plain users again (audited;
the person's sessions stay, their new rights apply on their next request)."""

import uuid

from watchparty.admin.service import get_user
from watchparty.common.shown import Shown
from watchparty.errors import Conflict, Forbidden
from watchparty.extensions import db
from watchparty.site import audit
from watchparty.users.models import DELETED, User

USER, MODERATOR, ADMIN, SUPERUSER = "user", "moderator", "admin", "superuser"
ROLES = (USER, MODERATOR, ADMIN)  # what a superuser may give; superusers come from the CLI
FLAGS = {USER: (False, False), MODERATOR: (False, True), ADMIN: (True, False)}


def role_of(user: User) -> str:
    """The highest role a user holds."""
    if user.is_superuser:
        return SUPERUSER
    if user.is_staff:
        return ADMIN
    return MODERATOR if user.is_moderator else USER


def set_role(actor: User, user_id: uuid.UUID, role: str, reason: str = "") -> Shown:
    """Give `role` to a user; never to oneself, never to a superuser. Audited."""
    user = get_user(user_id)
    if user.id == actor.id:
        raise Forbidden("You cannot change your own role.", code="cannot_change_own_role")
    if user.is_superuser:
        raise Forbidden("A superuser's role cannot be changed here.", code="target_is_superuser")
    if user.status == DELETED:
        raise Conflict("This account has been deleted.", code="account_deleted")
    before = role_of(user)
    user.is_staff, user.is_moderator = FLAGS[role]
    audit.record(actor.id, "user.role", "user", user.id, reason, {"from": before, "to": role})
    db.session.commit()
    return Shown(user, role=role)
