"""Staff views: every party (delete one), and the reports of users."""

import uuid

from watchparty.common.auth import admin_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import MessageSchema, message
from watchparty.moderation import service
from watchparty.moderation.schemas import StaffPartyPage, UserReportPage, UserReportQuerySchema
from watchparty.parties.input_schemas import AdminPartyQuerySchema

blp = Blueprint("parties_admin", __name__, description="Admin: parties")


@blp.get("/parties/")
@admin_required
@blp.arguments(AdminPartyQuerySchema, location="query")
@blp.response(200, StaffPartyPage)
def list_parties(query):
    """Every party (any visibility), newest first, with report counts; `search`, `status`."""
    return service.staff_parties(query)


@blp.delete("/parties/<uuid:party_id>/delete/")
@admin_required
@blp.response(200, MessageSchema)
def delete_party(party_id: uuid.UUID):
    """End a party for everyone and remove it from every view."""
    service.remove_party(current_user, party_id)
    return message("The party was deleted.")


@blp.get("/user-reports/")
@admin_required
@blp.arguments(UserReportQuerySchema, location="query")
@blp.response(200, UserReportPage)
def list_user_reports(query):
    """Reports of users, newest first; `status` filters."""
    return service.user_reports(query)
