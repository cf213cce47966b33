"""Preferences, notification and privacy settings: typed schemas, defaults over stored JSON."""

import re
import zoneinfo
from functools import cache

import marshmallow as ma

from watchparty.common.hooks import Hook
from watchparty.extensions import db
from watchparty.users.models import User

# Called after a kind of settings was stored: (user, kind, before, after) effective settings.
changed = Hook("users.settings.changed")

LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")


class StrictBoolean(ma.fields.Boolean):
    """Only JSON true/false: "yes" or 1 are mistakes, not booleans."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


@cache
def _timezones() -> frozenset[str]:
    """IANA zone names known to this system."""
    return frozenset(zoneinfo.available_timezones()) | {"UTC"}


def _valid_timezone(value: str) -> None:
    """Reject names zoneinfo does not know (and any path-like input)."""
    if value not in _timezones():
        raise ma.ValidationError("Unknown time zone (use an IANA name such as Europe/Paris).")


class PreferencesSchema(ma.Schema):
    """General preferences (`/api/users/settings/`)."""

    theme = ma.fields.String(validate=ma.validate.OneOf(["light", "dark", "system"]))
    language = ma.fields.String(
        validate=ma.validate.Regexp(LANGUAGE, error="Use a language tag such as en or pt-BR.")
    )
    timezone = ma.fields.String(validate=_valid_timezone)
    autoplay = StrictBoolean()
    default_quality = ma.fields.String(
        validate=ma.validate.OneOf(["auto", "1080p", "720p", "480p", "360p"])
    )


CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
MASTERS = ("email_notifications", "push_notifications")


class ChannelSwitchesSchema(ma.Schema):
    """Per kind of notification: which channels besides in-app it may use."""

    email = StrictBoolean()
    web_push = StrictBoolean()
    mobile_push = StrictBoolean()


def _clock():
    return ma.fields.String(
        allow_none=True, validate=ma.validate.Regexp(CLOCK, error="Use HH:MM, 24-hour.")
    )


class NotificationSettingsSchema(ma.Schema):
    """Which notifications reach the user, and how: a master switch per channel, one switch per
    topic, per-kind channel overrides (`channels`) and quiet hours (HH:MM, local time)."""

    email_notifications = StrictBoolean()
    push_notifications = StrictBoolean()
    party_invites = StrictBoolean()
    friend_requests = StrictBoolean()
    party_reminders = StrictBoolean()
    chat_mentions = StrictBoolean()
    marketing_emails = StrictBoolean()
    friend_activity = StrictBoolean()
    direct_messages = StrictBoolean()
    group_invitations = StrictBoolean()
    video_comments = StrictBoolean()
    video_processing = StrictBoolean()
    creator_income = StrictBoolean()
    creator_posts = StrictBoolean()
    billing = StrictBoolean()
    moderation = StrictBoolean()
    support = StrictBoolean()
    announcements = StrictBoolean()
    channels = ma.fields.Dict(
        keys=ma.fields.String(validate=ma.validate.Length(min=1, max=40)),
        values=ma.fields.Nested(ChannelSwitchesSchema),
    )
    quiet_hours_start = _clock()
    quiet_hours_end = _clock()


# The topic switches: every boolean but the channels' masters.
TOPICS = tuple(
    name
    for name, f in NotificationSettingsSchema().fields.items()
    if isinstance(f, StrictBoolean) and name not in MASTERS
)


class PrivacySettingsSchema(ma.Schema):
    """Who sees the profile and can find or contact the user."""

    profile_visibility = ma.fields.String(
        validate=ma.validate.OneOf(["public", "friends", "private"])
    )
    show_online_status = StrictBoolean()
    allow_friend_requests = StrictBoolean()
    searchable = StrictBoolean()
    show_watch_history = StrictBoolean()


SCHEMAS = {
    "preferences": PreferencesSchema,
    "notifications": NotificationSettingsSchema,
    "privacy": PrivacySettingsSchema,
}
COLUMNS = {
    "preferences": "settings",
    "notifications": "notification_settings",
    "privacy": "privacy_settings",
}
DEFAULTS = {
    "preferences": {
        "theme": "system",
        "language": "en",
        "timezone": "UTC",
        "autoplay": True,
        "default_quality": "auto",
    },
    "notifications": {
        "email_notifications": True,
        "push_notifications": True,
        **{topic: topic != "marketing_emails" for topic in TOPICS},
        "channels": {},
        "quiet_hours_start": None,
        "quiet_hours_end": None,
    },
    "privacy": {
        "profile_visibility": "public",
        "show_online_status": True,
        "allow_friend_requests": True,
        "searchable": True,
        "show_watch_history": False,
    },
}


def current(user: User, kind: str) -> dict:
    """The effective settings of one kind: defaults, overlaid with what the user stored."""
    stored = getattr(user, COLUMNS[kind]) or {}
    defaults = DEFAULTS[kind]
    return {key: stored.get(key, default) for key, default in defaults.items()}


def update(user: User, kind: str, changes: dict) -> dict:
    """Store validated changes of one kind and return the effective settings."""
    before = current(user, kind)
    stored = dict(getattr(user, COLUMNS[kind]) or {})
    if "channels" in changes:  # per-kind overrides merge, kind by kind and channel by channel
        channels = {k: dict(v) for k, v in (stored.get("channels") or {}).items()}
        for name, switches in changes["channels"].items():
            channels[name] = channels.get(name, {}) | switches
        changes = changes | {"channels": channels}
    stored.update(changes)
    # A new dict (not an in-place change) so the ORM sees the JSON column changed.
    setattr(user, COLUMNS[kind], {k: v for k, v in stored.items() if k in DEFAULTS[kind]})
    db.session.commit()
    after = current(user, kind)
    if after != before:
        changed.run(user, kind, before, after)
    return after


def reset(user: User) -> None:
    """Back to defaults for every kind (caller commits)."""
    for column in COLUMNS.values():
        setattr(user, column, {})
