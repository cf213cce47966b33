"""Views on the users blueprint: settings, data export (GDPR) and account deletion."""

import uuid

from flask import Response

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.ratelimit import reauth_limits
from watchparty.common.schemas import MessageSchema, message
from watchparty.users import deletion, export, settings
from watchparty.users.account_schemas import DeleteAccountSchema, ExportStatusSchema
from watchparty.users.settings import (
    NotificationSettingsSchema,
    PreferencesSchema,
    PrivacySettingsSchema,
)

blp = Blueprint(
    "users_account", __name__, description="Users: settings, data export, account deletion"
)


@blp.get("/settings/")
@auth_required
@blp.response(200, PreferencesSchema)
def get_settings():
    """General preferences: theme, language, time zone, playback."""
    return settings.current(current_user, "preferences")


@blp.route("/settings/", methods=["PUT", "PATCH"], endpoint="update_settings")
@auth_required
@blp.arguments(PreferencesSchema)
@blp.response(200, PreferencesSchema)
def update_settings(changes):
    """Change some preferences; the others keep their values."""
    return settings.update(current_user, "preferences", changes)


@blp.get("/notifications/settings/")
@auth_required
@blp.response(200, NotificationSettingsSchema)
def get_notification_settings():
    """Which notifications the user receives."""
    return settings.current(current_user, "notifications")


@blp.route("/notifications/settings/", methods=["PUT", "PATCH"], endpoint="update_notifications")
@auth_required
@blp.arguments(NotificationSettingsSchema)
@blp.response(200, NotificationSettingsSchema)
def update_notification_settings(changes):
    """Change some notification preferences."""
    return settings.update(current_user, "notifications", changes)


@blp.get("/privacy/settings/")
@auth_required
@blp.response(200, PrivacySettingsSchema)
def get_privacy_settings():
    """Profile visibility and discoverability."""
    return settings.current(current_user, "privacy")


@blp.route("/privacy/settings/", methods=["PUT", "PATCH"], endpoint="update_privacy")
@auth_required
@blp.arguments(PrivacySettingsSchema)
@blp.response(200, PrivacySettingsSchema)
def update_privacy_settings(changes):
    """Change some privacy settings."""
    return settings.update(current_user, "privacy", changes)


@blp.post("/export-data/")
@auth_required
@blp.response(202, ExportStatusSchema)
@blp.alt_response(409, description="An export is already in progress")
def request_export():
    """Start building a JSON archive of everything the user owns (emailed when ready)."""
    return export.request_export(current_user)


@blp.get("/export-data/<uuid:export_id>/")
@auth_required
@blp.response(200, ExportStatusSchema)
def export_status(export_id: uuid.UUID):
    """Where one export stands, with its download URL once ready."""
    return export.describe(export.get_export(current_user, export_id))


@blp.get("/export-data/<uuid:export_id>/download/")
@auth_required
@blp.response(200, description="The JSON archive, as an attachment")
def download_export(export_id: uuid.UUID):
    """Download a ready export (409 until it is ready)."""
    data, filename = export.download(current_user, export_id)
    disposition = f'attachment; filename="{filename}"'
    return Response(
        data,
        mimetype="application/json",
        headers={"Content-Disposition": disposition, "Cache-Control": "no-store"},
    )


@blp.delete("/delete-account/")
@auth_required
@blp.arguments(DeleteAccountSchema)
@blp.response(200, MessageSchema)
@reauth_limits
def delete_account(body):
    """Delete the account: needs the password (if any) and `confirmation: "DELETE"`."""
    deletion.delete_account(current_user, body.get("password"), body["confirmation"])
    return message("Your account and personal data have been deleted.")
