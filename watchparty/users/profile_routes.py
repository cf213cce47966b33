"""The signed-in user's profile, also served at /api/auth/profile/ (seed 004)."""

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.users import service
from watchparty.users.schemas import ProfileUpdateSchema, UserWithProfileSchema

blp = Blueprint("profile", __name__, description="Your profile (also under /api/users/profile/)")


@blp.get("/profile/")
@auth_required
@blp.response(200, UserWithProfileSchema)
def get_auth_profile():
    """The signed-in user with their profile (same as /api/users/profile/)."""
    return current_user


@blp.route("/profile/", methods=["PUT", "PATCH"], endpoint="update_auth_profile")
@auth_required
@blp.arguments(ProfileUpdateSchema)
@blp.response(200, UserWithProfileSchema)
def update_auth_profile(changes):
    """Update names and profile fields (same as PUT /api/users/profile/)."""
    return service.update_profile(current_user, changes)
