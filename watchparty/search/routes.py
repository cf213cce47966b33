"""REST views of global search (seed 003 "Search Endpoints"): /api/search/, /suggest/,
/discover/. Anyone may search; what they find is what they may see."""

from watchparty.common.auth import caller, optional_auth
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


@blp.get("/")
@optional_auth
@blp.arguments(SearchQuerySchema, location="query")
@blp.response(200, SearchSchema)
def search(query):
    """Videos, parties, people, creators and posts matching `q`, grouped, best first."""
    return service.search(caller(), query)


@blp.get("/suggest/")
@optional_auth
@blp.arguments(SuggestQuerySchema, location="query")
@blp.response(200, SuggestSchema)
def suggest(query):
    """Autocomplete: the best titles starting like what was typed."""
    return service.suggest(caller(), query["q"], query["limit"])


@blp.get("/discover/")
@optional_auth
@blp.arguments(DiscoverQuerySchema, location="query")
@blp.response(200, DiscoverSchema)
def discover(query):
    """Featured videos, trending parties, recommendations and popular categories."""
    return discovery.discover(caller(), query)
