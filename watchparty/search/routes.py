"""REST views of global search (seed 003 "Search Endpoints"): /api/search/, /suggest/,
/discover/. Anyone may search; what they find is what they may see."""

from watchparty.common.auth import current_user, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.search import discover as discovery
from watchparty.search import service
from watchparty.search.schemas import (
    DiscoverQuerySchema,
    DiscoverSchema,
    SearchQuerySchema,
    SearchSchema,
    SuggestQuerySchema,
    SuggestSchema,
)

blp = Blueprint("search", __name__, description="Global search and discovery")


def _caller():
    """The signed-in user, or None (never the proxy: access rules test `user is not None`)."""
    return current_user._get_current_object() if current_user else None


@blp.get("/")
@optional_auth
@blp.arguments(SearchQuerySchema, location="query")
@blp.response(200, SearchSchema)
def search(query):
    """Videos, parties, people, creators and posts matching `q`, grouped, best first."""
    return service.search(_caller(), query)


@blp.get("/suggest/")
@optional_auth
@blp.arguments(SuggestQuerySchema, location="query")
@blp.response(200, SuggestSchema)
def suggest(query):
    """Autocomplete: the best titles starting like what was typed."""
    return service.suggest(_caller(), query["q"], query["limit"])


@blp.get("/discover/")
@optional_auth
@blp.arguments(DiscoverQuerySchema, location="query")
@blp.response(200, DiscoverSchema)
def discover(query):
    """Featured videos, trending parties, recommendations and popular categories."""
    return discovery.discover(_caller(), query)
