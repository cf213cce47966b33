"""REST views of a party's life: start, end, analytics (registered on the parties blueprint)."""

import uuid

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.parties import analytics, service
from watchparty.parties.schemas import (
    AnalyticsSchema,
    AnalyticsUpdateSchema,
    PartySchema,
)

blp = Blueprint("parties_lifecycle", __name__, description="Watch parties: start, end, analytics")


@blp.post("/<uuid:party_id>/start/")
@auth_required
@blp.response(200, PartySchema)
def start_party(party_id: uuid.UUID):
    """Go live (host only)."""
    return service.start_party(current_user, party_id)


@blp.post("/<uuid:party_id>/end/")
@auth_required
@blp.response(200, PartySchema)
def end_party(party_id: uuid.UUID):
    """End the party for everyone (host only); it stays in history."""
    return service.end_party(current_user, party_id)


@blp.get("/<uuid:party_id>/analytics/")
@auth_required
@blp.response(200, AnalyticsSchema)
def party_analytics(party_id: uuid.UUID):
    """Members, presence, peak, watch time, drift, chat and reactions (host/moderators)."""
    return analytics.analytics(current_user, party_id)


@blp.post("/<uuid:party_id>/update-analytics/")
@auth_required
@blp.response(200, AnalyticsUpdateSchema)
def update_analytics(party_id: uuid.UUID):
    """Record the current online count as the peak if higher (host/moderators)."""
    return analytics.update_analytics(current_user, party_id)
