"""Placeholder: REST views of parties/invite_routes.py (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("parties_invite_routes", __name__, description="parties_invite_routes")
