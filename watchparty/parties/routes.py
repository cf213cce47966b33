"""REST views of parties: CRUD, the caller's lists and discovery."""

import uuid

from watchparty.common.auth import auth_required, current_user, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import MessageSchema, message
from watchparty.parties import discovery, service
from watchparty.parties.input_schemas import (
    PartyCreateSchema,
    PartyListQuerySchema,
    PartyUpdateSchema,
    PublicQuerySchema,
    SearchQuerySchema,
)
from watchparty.parties.schemas import PartyDetailSchema, PartySchema, TrendingPartySchema

blp = Blueprint("parties_routes", __name__, description="Watch parties: create, find, manage")
PartyPage = page_of(PartySchema, "PartyPage")
TrendingPartyPage = page_of(TrendingPartySchema, "TrendingPartyPage")


def _me():
    return current_user.id if current_user else None


@blp.get("/")
@auth_required
@blp.arguments(PartyListQuerySchema, location="query")
@blp.response(200, PartyPage)
def list_parties(query):
    """Parties you may see (public ones and yours), filtered by status, visibility, search."""
    return discovery.list_parties(current_user.id, query)


@blp.post("/")
@auth_required
@blp.arguments(PartyCreateSchema)
@blp.response(201, PartySchema)
def create_party(body):
    """Create a party; you become its host. Media (video_id or media_url) may come later."""
    return service.create_party(current_user, body)


@blp.get("/<uuid:party_id>/")
@auth_required
@blp.response(200, PartyDetailSchema)
def get_party(party_id: uuid.UUID):
    """One party with its participants (public parties, or parties you are in)."""
    return service.party_detail(current_user, party_id)


@blp.route("/<uuid:party_id>/", methods=["PUT", "PATCH"])
@auth_required
@blp.arguments(PartyUpdateSchema)
@blp.response(200, PartySchema)
def update_party(body, party_id: uuid.UUID):
    """Change a party (host only; PUT and PATCH are both partial)."""
    return service.update_party(current_user, party_id, body)


@blp.delete("/<uuid:party_id>/")
@auth_required
@blp.response(200, MessageSchema)
def delete_party(party_id: uuid.UUID):
    """Delete a party (host only): it ends for everyone connected and leaves every list."""
    service.delete_own_party(current_user, party_id)
    return message("The party was deleted.")


@blp.get("/recent/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, PartyPage)
def recent(query):
    """Parties you hosted or joined, the latest first."""
    return discovery.recent_parties(current_user.id, query)


@blp.get("/public/")
@optional_auth
@blp.arguments(PublicQuerySchema, location="query")
@blp.response(200, PartyPage)
def public(query):
    """Public parties that have not ended (live ones first)."""
    return discovery.public_parties(query)


@blp.get("/trending/")
@optional_auth
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, TrendingPartyPage)
def trending(query):
    """Public parties ranked by viewers online now, then by joins in the last day."""
    return discovery.trending(query)


@blp.get("/recommendations/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, PartyPage)
def recommendations(query):
    """Public parties you are not in, like the ones you attended (category, host)."""
    return discovery.recommendations(current_user.id, query)


@blp.get("/search/")
@optional_auth
@blp.arguments(SearchQuerySchema, location="query")
@blp.response(200, PartyPage)
def search(query):
    """Search titles and descriptions (`q`), optionally by `is_public` and `category`."""
    return discovery.search_parties(_me(), query)
