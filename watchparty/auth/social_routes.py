"""REST views of social sign-in."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("social", __name__, description="Social sign-in")
