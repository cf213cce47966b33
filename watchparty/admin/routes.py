"""REST views of the admin domain."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("admin", __name__, description="Admin")
