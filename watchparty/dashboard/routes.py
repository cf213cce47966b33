"""REST views of the dashboard domain."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("dashboard", __name__, description="Dashboard")
