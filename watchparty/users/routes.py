"""REST views of the users domain: profile, avatar, stats, people, onboarding, activity."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.guards import accepts_body
from watchparty.common.pagination import page_of
from watchparty.users import activity, avatar, onboarding, service, stats
from watchparty.users.account_schemas import OnboardingSchema, OnboardingUpdateSchema
from watchparty.users.activity_schemas import ActivityPageSchema, ActivityQuerySchema
from watchparty.users.schemas import (
    AvatarResultSchema,
    AvatarUploadSchema,
    ProfileUpdateSchema,
    PublicUserSchema,
    UserDashboardStatsSchema,
    UserSearchQuerySchema,
    UserStatsSchema,
    UserWithProfileSchema,
)

blp = Blueprint("users", __name__, description="Users: profile, settings, people, account data")


@blp.get("/profile/")
@auth_required
@blp.response(200, UserWithProfileSchema)
def get_profile():
    """The signed-in user with their profile."""
    return current_user


@blp.route("/profile/", methods=["PUT", "PATCH"], endpoint="update_profile")
@blp.route("/profile/update/", methods=["PUT", "PATCH"], endpoint="update_profile_alias")
@auth_required
@blp.arguments(ProfileUpdateSchema)
@blp.response(200, UserWithProfileSchema)
def update_profile(changes):
    """Update names and profile fields (partial bodies for PUT and PATCH alike)."""
    return service.update_profile(current_user, changes)


@blp.post("/avatar/upload/")
@accepts_body("AVATAR_MAX_BYTES")
@auth_required
@blp.arguments(AvatarUploadSchema, location="files")
@blp.response(200, AvatarResultSchema)
@blp.alt_response(413, description="Larger than AVATAR_MAX_BYTES")
@blp.alt_response(415, description="Not a JPEG, PNG, GIF or WebP image")
def upload_avatar(files):
    """Upload a new avatar (multipart `avatar` or `file`); re-encoded, at most 512x512."""
    url = avatar.upload(current_user, files.get("avatar") or files.get("file"))
    return {"success": True, "avatar_url": url}


@blp.get("/stats/")
@auth_required
@blp.response(200, UserStatsSchema)
def user_stats():
    """Totals: parties, watch time (minutes), videos uploaded, friends."""
    return stats.user_stats(current_user.id)


@blp.get("/dashboard/stats/")
@auth_required
@blp.response(200, UserDashboardStatsSchema)
def dashboard_stats():
    """Dashboard numbers, with the last seven days under `recent_activity`."""
    return stats.dashboard_stats(current_user.id)


@blp.get("/<uuid:user_id>/profile/")
@auth_required
@blp.response(200, PublicUserSchema)
def public_profile(user_id: uuid.UUID):
    """Another user's public profile (403 when private, 404 when gone)."""
    return service.public_profile(current_user, user_id)


@blp.get("/search/")
@auth_required
@blp.arguments(UserSearchQuerySchema, location="query")
@blp.response(200, page_of(PublicUserSchema, "PublicUserPage"))
def search_users(query):
    """Find people by first, last or display name (at least 2 characters)."""
    return service.search(current_user, query["q"], query["page"], query["page_size"])


@blp.get("/onboarding/")
@auth_required
@blp.response(200, OnboardingSchema)
def get_onboarding():
    """Onboarding state and checklist."""
    return onboarding.status(current_user)


@blp.post("/onboarding/")
@auth_required
@blp.arguments(OnboardingUpdateSchema)
@blp.response(200, OnboardingSchema)
def update_onboarding(body):
    """Mark a step done (`step`) or finish onboarding (`completed`)."""
    return onboarding.advance(current_user, body.get("step"), body.get("completed"))


@blp.get("/activity/")
@auth_required
@blp.arguments(ActivityQuerySchema, location="query")
@blp.response(200, ActivityPageSchema)
def activity_feed(query):
    """The signed-in user's activity log, newest first."""
    return activity.page(current_user, query["page"], query["page_size"], query.get("type"))
