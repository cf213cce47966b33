"""An email's one-click unsubscribe: the signed link turns off email for one kind."""

from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.notifications import links, preferences
from watchparty.notifications.kinds import KINDS
from watchparty.users.models import ACTIVE, User


def apply(token: str) -> dict:
    """Turn off email for the kind the token names, for its user (again is fine)."""
    user_id, kind = links.read_unsubscribe(token)
    user = db.session.get(User, user_id)
    if user is None or user.status != ACTIVE or kind not in KINDS:
        raise ValidationError("This unsubscribe link is not valid.", code="invalid_token")
    preferences.update(user, {"channels": {kind: {"email": False}}})
    label = KINDS[kind].label
    return {"success": True, "message": f"No more emails for “{label}”.", "unread_count": 0}
