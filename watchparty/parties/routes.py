"""Placeholder: REST views of parties/routes.py (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("parties_routes", __name__, description="parties_routes")
