"""Placeholder: REST views of interactive/routes.py (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("interactive_routes", __name__, description="interactive_routes")
