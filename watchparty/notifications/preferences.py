"""Whether a notification of a kind reaches a user on a channel: the kind's topic switch, the
channel's master switch, the kind's channel override, and quiet hours (no email or push then).
Stored with the user's notification settings (users/settings.py), read and written here."""

import zoneinfo
from datetime import datetime, time

from watchparty.common.types import utcnow
from watchparty.errors import ValidationError
from watchparty.notifications.kinds import EMAIL, IN_APP, KINDS, MOBILE_PUSH, PUSH, kind
from watchparty.users import settings
from watchparty.users.models import User

# Seed 003's names for two switches stored under older names.
ALIASES = {"party_invitations": "party_invites", "marketing": "marketing_emails"}


def current(user: User) -> dict:
    """The effective preferences: every switch, a channel matrix for every kind, quiet hours."""
    stored = settings.current(user, "notifications")
    overrides = stored.get("channels") or {}
    channels = {}
    for name, k in KINDS.items():
        base = {EMAIL: k.email, "web_push": k.push, MOBILE_PUSH: k.push}
        channels[name] = base | {c: v for c, v in overrides.get(name, {}).items() if c in base}
    aliases = {alias: stored[name] for alias, name in ALIASES.items()}
    return stored | aliases | {"channels": channels, "in_app": True}


def update(user: User, changes: dict) -> dict:
    """Store some switches (seed names accepted), channel overrides and quiet hours."""
    changes = dict(changes)
    for alias, name in ALIASES.items():
        if alias in changes:
            changes[name] = changes.pop(alias)
    unknown = sorted(set(changes.get("channels", {})) - set(KINDS))
    if unknown:
        raise ValidationError(errors={"channels": {name: ["Unknown kind."] for name in unknown}})
    settings.update(user, "notifications", changes)
    return current(user)


def _quiet(user: User, prefs: dict, now: datetime) -> bool:
    start, end = prefs.get("quiet_hours_start"), prefs.get("quiet_hours_end")
    if not start or not end or start == end:
        return False
    zone = settings.current(user, "preferences")["timezone"]
    local = now.astimezone(zoneinfo.ZoneInfo(zone)).time()
    begin, finish = time.fromisoformat(start), time.fromisoformat(end)
    if begin < finish:
        return begin <= local < finish
    return local >= begin or local < finish  # over midnight: 22:00 to 07:00


def wants(user: User, name: str, channel: str, now: datetime | None = None) -> bool:
    """Whether a `name` notification goes to `user` on `channel` now."""
    if not settings.current(user, "notifications")[kind(name).switch]:
        return False
    if channel == IN_APP:
        return True
    prefs = current(user)
    master = "email_notifications" if channel == EMAIL else "push_notifications"
    if channel not in (EMAIL, *PUSH) or not prefs[master] or not prefs["channels"][name][channel]:
        return False
    return not _quiet(user, prefs, now or utcnow())
