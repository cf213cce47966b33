"""Placeholder: REST views of chat/party_routes.py (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("chat_party_routes", __name__, description="chat_party_routes")
