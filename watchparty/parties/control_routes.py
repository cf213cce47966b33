"""Placeholder: REST views of parties/control_routes.py (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("parties_control_routes", __name__, description="parties_control_routes")
