"""REST views of integrations (being written)."""

from watchparty.common.blueprint import Blueprint

blp = Blueprint("integrations", __name__, description="Integrations")
