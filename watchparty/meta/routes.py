"""API root, test and health endpoints."""

from watchparty.common.auth import current_user, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.types import iso, utcnow
from watchparty.meta import service
from watchparty.meta.schemas import HealthSchema, RootSchema, TestSchema

blp = Blueprint("meta", __name__, description="Service endpoints")


@blp.get("/")
@blp.response(200, RootSchema)
def root():
    """The endpoint map of the API."""
    return service.endpoint_map()


@blp.get("/test/")
@blp.response(200, TestSchema)
@optional_auth
def test():
    """Check the server answers, and whether the caller is authenticated."""
    user = current_user if current_user else None
    return {
        "message": "Server is working!",
        "authenticated": user is not None,
        "user_id": str(user.id) if user else None,
        "timestamp": iso(utcnow()),
    }


@blp.get("/health/")
@blp.response(200, HealthSchema)
@blp.alt_response(503, schema=HealthSchema, description="A dependency is down")
def health():
    """Database, Redis and queue health (503 when a dependency is down)."""
    return service.health()
