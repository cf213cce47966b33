"""Placeholder: staff views of parties (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("parties_admin", __name__, description="parties_admin")
