"""Placeholder: REST views of parties/member_routes.py (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("parties_member_routes", __name__, description="parties_member_routes")
