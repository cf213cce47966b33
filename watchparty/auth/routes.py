"""REST views of the auth domain."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("auth", __name__, description="Auth")
