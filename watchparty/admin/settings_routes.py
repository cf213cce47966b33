"""REST views of site settings: list them, change one (validated by its type, audited)."""

from watchparty.admin.settings_schemas import (
    SettingUpdatedSchema,
    SettingUpdateSchema,
    SiteSettingsSchema,
)
from watchparty.common.auth import admin_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import ErrorSchema, message
from watchparty.site import settings

blp = Blueprint("admin_settings", __name__, description="Admin: site settings")


@blp.get("/settings/")
@admin_required
@blp.response(200, SiteSettingsSchema)
def list_settings():
    """Every site setting with its value, default, type and description."""
    return {"success": True, "settings": settings.listing()}


@blp.post("/settings/update/")
@admin_required
@blp.arguments(SettingUpdateSchema)
@blp.response(200, SettingUpdatedSchema)
@blp.alt_response(404, schema=ErrorSchema, description="No such setting")
def update_setting(body: dict):
    """Change one setting; its value must fit its type (400 otherwise). Audited."""
    entry = settings.update(
        current_user.id, body["setting_key"], body["setting_value"], body["reason"]
    )
    return message("Setting updated.", setting=entry)
