"""Schemas of the site settings staff change at run time (seed 003 "Settings Management")."""

import marshmallow as ma


class SiteSettingSchema(ma.Schema):
    """One declared setting: its current value, default, type and what it means."""

    key = ma.fields.String()
    value = ma.fields.Raw(metadata={"description": "typed as `type` says"})
    default = ma.fields.Raw()
    type = ma.fields.String(
        metadata={"description": "boolean, integer, list (of strings) or maintenance (object)"}
    )
    description = ma.fields.String()


class SiteSettingsSchema(ma.Schema):
    """`{success, settings}`: every declared setting."""

    success = ma.fields.Boolean(dump_default=True)
    settings = ma.fields.List(ma.fields.Nested(SiteSettingSchema))


class SettingUpdateSchema(ma.Schema):
    """Body of settings/update/: the key, the new value (checked against its type), why."""

    class Meta:
        unknown = ma.EXCLUDE

    setting_key = ma.fields.String(required=True, validate=ma.validate.Length(1, 64))
    setting_value = ma.fields.Raw(required=True, allow_none=False)
    reason = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))


class SettingUpdatedSchema(ma.Schema):
    """`{success, message, setting}` after a change."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    setting = ma.fields.Nested(SiteSettingSchema)
