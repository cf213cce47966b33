"""Placeholder: REST views of chat/routes.py (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("chat_routes", __name__, description="chat_routes")
