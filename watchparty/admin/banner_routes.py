"""Staff views of the live site banner (shown over the app to everyone, live)."""

from watchparty.admin import banner
from watchparty.admin.banner_schemas import BannerCreateSchema, BannerSchema
from watchparty.common.auth import admin_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import MessageSchema, message

blp = Blueprint("admin_banner", __name__, description="Admin: live site banner")


@blp.post("/banner/")
@admin_required
@blp.arguments(BannerCreateSchema)
@blp.response(201, BannerSchema)
def publish_banner(body: dict):
    """Show a banner to everyone now (and to pages loaded until it expires)."""
    return banner.publish(current_user, body["message"], body["level"], body["expires_in"])


@blp.delete("/banner/")
@admin_required
@blp.response(200, MessageSchema)
def clear_banner():
    """Take the banner down for everyone."""
    banner.clear(current_user)
    return message("The banner was taken down.")
