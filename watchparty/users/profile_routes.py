"""The signed-in user's profile, also served at /api/auth/profile/."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("auth_profile", __name__, description="Profile under /api/auth")
