"""Typed site settings: declared here with their defaults, stored only once staff change them,
validated on the way in, audited, and cached per process for a few seconds.

The environment stays the source of secrets and infrastructure; these are the knobs staff turn
while the site runs. Read one with `get(key)`; every domain reads them through this module.
"""

import time
import uuid

import marshmallow as ma
from marshmallow import validate

from watchparty.errors import NotFound, ValidationError
from watchparty.extensions import db
from watchparty.site import audit
from watchparty.site.fields import Maintenance
from watchparty.site.models import SiteSetting

CACHE_SECONDS = 5.0


class Setting:
    """One declared setting: its field (type and limits), default and what it means."""

    def __init__(self, field: ma.fields.Field, default, description: str):
        self.field, self.default, self.description = field, default, description
        self.type = type(field).__name__.lower()


DECLARED: dict[str, Setting] = {
    "registration_open": Setting(ma.fields.Boolean(), True, "New people may create accounts"),
    "default_party_size": Setting(
        ma.fields.Integer(validate=validate.Range(2, 1000)),
        50,
        "Seats a new party gets when its host does not say",
    ),
    "max_upload_mb": Setting(
        ma.fields.Integer(validate=validate.Range(1, 100_000)),
        10_240,
        "Largest video file one upload may be, in MiB",
    ),
    "report_threshold": Setting(
        ma.fields.Integer(validate=validate.Range(1, 1000)),
        3,
        "Distinct reporters after which content is hidden until staff review it",
    ),
    "chat_word_filter": Setting(
        ma.fields.List(
            ma.fields.String(validate=validate.Length(1, 64)), validate=validate.Length(max=500)
        ),
        [],
        "Words no chat message on the site may contain (each party may add its own)",
    ),
    "maintenance": Setting(
        Maintenance(),
        {"enabled": False, "message": "", "until": None},
        "Maintenance mode: the API answers 503 with this message to everyone but staff",
    ),
}

_cache: dict = {"at": 0.0, "values": {}}


def _stored() -> dict:
    if time.monotonic() - _cache["at"] > CACHE_SECONDS:
        rows = db.session.query(SiteSetting).all()
        _cache.update(at=time.monotonic(), values={r.key: r.value for r in rows})
    return _cache["values"]


def forget_cache() -> None:
    """Read the stored settings afresh next time (after a change, and between tests)."""
    _cache["at"] = 0.0


def get(key: str):
    """The current value of one declared setting (its default unless staff changed it)."""
    setting = DECLARED[key]
    return _stored().get(key, setting.default)


def listing() -> list[dict]:
    """Every declared setting with its value, default, type and description."""
    values = _stored()
    return [
        {
            "key": key,
            "value": values.get(key, s.default),
            "default": s.default,
            "type": s.type,
            "description": s.description,
        }
        for key, s in DECLARED.items()
    ]


def update(actor_id: uuid.UUID | None, key: str, value, reason: str = "") -> dict:
    """Validate and store one setting, audited in the same commit; returns its listing entry."""
    setting = DECLARED.get(key)
    if setting is None:
        raise NotFound("No such setting.", code="setting_not_found")
    try:
        clean = setting.field.deserialize(value)
    except ma.ValidationError as error:
        raise ValidationError("Invalid setting value.", errors={key: error.messages}) from error
    store(actor_id, key, clean, reason)
    return next(entry for entry in listing() if entry["key"] == key)


def store(actor_id, key: str, clean, reason: str = "", action: str = "setting.update") -> None:
    """Store an already validated value of `key`, audited as `action` in the same commit."""
    row = db.session.get(SiteSetting, key) or SiteSetting(key=key)
    before = row.value if row.value is not None else DECLARED[key].default
    row.value, row.updated_by = clean, actor_id
    db.session.add(row)
    audit.record(actor_id, action, "setting", key, reason, {"from": before, "to": clean})
    db.session.commit()
    forget_cache()
