"""Placeholder: REST views of interactive/party_routes.py (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("interactive_party_routes", __name__, description="interactive_party_routes")
