"""Schemas of the live site banner."""

import marshmallow as ma

_f = ma.fields
LEVELS = ("info", "success", "warning", "critical")
DAY = 86_400


class BannerCreateSchema(ma.Schema):
    """What to show, how loud, and for how many seconds (1 minute to 7 days; default 1 hour)."""

    message = _f.String(required=True, validate=ma.validate.Length(min=1, max=500))
    level = _f.String(load_default="info", validate=ma.validate.OneOf(LEVELS))
    expires_in = _f.Integer(load_default=3600, validate=ma.validate.Range(min=60, max=7 * DAY))

    @ma.validates("message")
    def not_blank(self, value: str, **kwargs) -> None:
        if not value.strip():
            raise ma.ValidationError("The message cannot be blank.")


class BannerSchema(ma.Schema):
    id = _f.String()
    message = _f.String()
    level = _f.String()
    created_at = _f.String(metadata={"description": "ISO 8601 UTC"})
    expires_at = _f.String(metadata={"description": "ISO 8601 UTC"})


class CurrentBannerSchema(ma.Schema):
    """The banner showing now, or null."""

    banner = _f.Nested(BannerSchema, allow_none=True)
