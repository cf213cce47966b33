"""REST views of the users domain."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("users", __name__, description="Users")
