"""Account-security views also reachable under /api/users/ (sessions, 2FA, password)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("auth_aliases", __name__, description="Account security under /api/users")
